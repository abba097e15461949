import type { TimelineKind } from '@careloop/contracts';

// The timeline's SQL, one branch per kind. Every branch yields the same columns (kind, id, at, t1..t4, n1, n2, code,
// flag, report_id, source, source_org, recorded_by); what t1..t4 and n1..n2 hold depends on the kind and is read back
// by timeline.service.ts. Parameters: $1 patient, $3 cursor time, $4 cursor id, $5 page size + 1, $6 the kinds asked
// for; the organization comes from the `scope` CTE, which holds a row only when the caller may read the record.

/** What one kind puts in each column; a column left out is a typed NULL. */
interface Branch {
  from: string;
  alias: string;
  at: string;
  /** The branch reads an index in (at, id) order, so the keyset condition and LIMIT go inside it. */
  indexed?: boolean;
  where?: string;
  columns: Partial<Record<keyof typeof TYPES, string>>;
  source: string;
  sourceOrg: string;
  recordedBy: string;
}

const TYPES = {
  t1: 'text',
  t2: 'text',
  t3: 'text',
  t4: 'text',
  n1: 'float8',
  n2: 'float8',
  code: 'text',
  flag: 'text',
  report_id: 'uuid',
} as const;

// Plain dates (onset, noted, performed) place an entry at UTC midnight of that day; entries without one sit at the
// time they were recorded.
const dateOr = (date: string, fallback: string) =>
  `COALESCE((${date})::timestamp AT TIME ZONE 'UTC', ${fallback})`;

/** A record entry: soft-deleted rows are left out, provenance columns have the same names in every table. */
const entry = (from: string, alias: string, at: string, columns: Branch['columns']): Branch => ({
  from,
  alias,
  at,
  where: `${alias}.deleted_at IS NULL`,
  columns,
  source: `${alias}.source`,
  sourceOrg: `${alias}.source_org`,
  recordedBy: `${alias}.recorded_by`,
});

/**
 * Observations read the partial (patient, effective_at, id) index of rows outside checkup reports (migration 006),
 * and a report is one `checkup` row with its counts: checkup items are written only by the checkups import, which
 * always sets report_id to its checkup_reports row.
 */
const BRANCHES: Record<TimelineKind, Branch> = {
  observation: {
    from: 'observations',
    alias: 'o',
    at: 'o.effective_at',
    indexed: true,
    where: "o.report_id IS NULL AND o.status <> 'entered_in_error'",
    columns: {
      t1: 'o.name',
      t2: 'o.value_text',
      t3: 'o.unit',
      t4: 'o.code_system',
      n1: 'o.value_num',
      code: 'o.code',
      flag: 'o.flag',
    },
    source: 'o.source',
    sourceOrg: 'o.source_org',
    recordedBy: 'o.recorded_by',
  },
  checkup: {
    from: 'checkup_reports',
    alias: 'r',
    at: 'r.performed_at',
    indexed: true,
    columns: {
      t1: 'r.center',
      t2: 'r.package_name',
      n1: 'r.item_count',
      n2: 'r.abnormal_count',
      flag: "CASE WHEN r.abnormal_count > 0 THEN 'A' ELSE 'N' END",
      report_id: 'r.id',
    },
    source: "'checkup'",
    sourceOrg: 'r.center',
    recordedBy: 'r.created_by',
  },
  condition: entry('conditions', 'c', dateOr('c.onset_date', 'c.created_at'), {
    t1: 'c.display',
    t2: 'c.icd10',
    t3: 'c.clinical_status',
    code: 'c.icd10',
  }),
  allergy: entry('allergies', 'g', dateOr('g.noted_on', 'g.created_at'), {
    t1: 'g.substance',
    t2: 'g.reaction',
    t3: 'g.severity',
    t4: 'g.status',
  }),
  medication: entry('medication_statements', 'm', dateOr('m.started_on', 'm.created_at'), {
    t1: 'm.name',
    t2: 'm.dose',
    t3: 'm.frequency',
    t4: 'm.status',
    code: 'm.atc',
  }),
  procedure: entry('procedures', 'p', dateOr('p.performed_on', 'p.created_at'), {
    t1: 'p.name',
    t2: 'p.kind',
    t3: 'p.outcome',
    code: 'p.code',
  }),
  family_history: entry('family_history', 'f', 'f.created_at', {
    t1: 'f.display',
    t2: 'f.relation',
    n1: 'f.onset_age',
    code: 'f.icd10',
  }),
  lifestyle: entry('lifestyle_assessments', 'l', 'l.assessed_at', {
    t1: 'l.smoking',
    t2: 'l.alcohol',
    t3: 'l.diet',
    t4: 'l.cigarettes_per_day::text',
    n1: 'l.activity_minutes_per_week',
    n2: 'l.sleep_hours',
  }),
  encounter: entry('encounters', 'e', 'e.started_at', {
    t1: 'e.kind',
    t2: 'e.department',
    t3: 'e.reason',
    t4: 'left(e.summary, 200)',
  }),
  document: entry('documents', 'd', dateOr('d.document_date', 'd.created_at'), {
    t1: 'd.title',
    t2: 'd.kind',
    t3: 'd.content_type',
    n1: 'd.size_bytes',
  }),
};

const keyset = (at: string, id: string) => `${at} <= $3 AND (${at} < $3 OR ${id} < $4)`;

/** One kind's branch: at most one page of its rows after the cursor, newest first. */
export function timelineBranch(kind: TimelineKind): string {
  const b = BRANCHES[kind];
  const columns = (Object.keys(TYPES) as (keyof typeof TYPES)[]).map(
    (c) => `(${b.columns[c] ?? 'NULL'})::${TYPES[c]} AS ${c}`,
  );
  const select = `SELECT '${kind}'::text AS kind, ${b.alias}.id, ${b.at} AS at, ${columns.join(', ')},
           ${b.source} AS source, ${b.sourceOrg} AS source_org, ${b.recordedBy} AS recorded_by
      FROM ${b.from} ${b.alias}
     WHERE ${b.alias}.patient_id = $1 AND ${b.alias}.org_id = (SELECT org_id FROM scope)
       AND '${kind}' = ANY ($6::text[]) AND EXISTS (SELECT 1 FROM scope)${b.where ? ` AND ${b.where}` : ''}`;
  if (b.indexed) {
    return `(${select} AND ${keyset(b.at, `${b.alias}.id`)}
     ORDER BY ${b.at} DESC, ${b.alias}.id DESC LIMIT $5)`;
  }
  // Few rows per patient and `at` is an expression: the keyset applies around the branch.
  return `(SELECT * FROM (${select}) s WHERE ${keyset('s.at', 's.id')} ORDER BY s.at DESC, s.id DESC LIMIT $5)`;
}
