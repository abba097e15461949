import type pg from 'pg';
import { TimelineKind } from '@careloop/contracts';
import { prepared } from '../../../platform/db/prepared.ts';
import { staffCareSql, type AccessBasis } from '../../../platform/access/patient-access.ts';
import type { ObservationFlag, RecordSource } from '../../../platform/db/schema-records.ts';
import { keysetTime, type Keyset } from '../cursor.ts';
import { timelineBranch } from './timeline-branches.ts';

/** One timeline row in a shape common to every kind; t1..t4 and n1..n2 mean what each kind's branch puts there. */
export interface TimelineRow {
  kind: TimelineKind;
  id: string;
  at: Date;
  at_key: string;
  t1: string | null;
  t2: string | null;
  t3: string | null;
  t4: string | null;
  n1: number | null;
  n2: number | null;
  code: string | null;
  flag: ObservationFlag | null;
  source: RecordSource;
  source_org: string | null;
  report_id: string | null;
  recorded_by_name: string | null;
}

/** The access basis comes with every row; a patient with no entries yet answers one row whose `kind` is null. */
type Row = { basis: AccessBasis | null } & ({ kind: null } | TimelineRow);

// The timeline is the record's busiest read: the access decision, the page and the audit entry are one prepared
// statement (one round trip, planned once per connection), as patients' profile-read.query.ts does for the profile.
// The access rules are requirePatientAccess(..., 'view'): staff through the care team or an unexpired break-glass
// grant inside their organization; patients their own profiles or a live proxy grant with the 'view' scope.
// Parameters: $1 patient, $2 actor, $3/$4 cursor time and id, $5 page size + 1, $6 kinds, $7 audit id,
// $8 actor kind, $9 request id, $10 ip, $11 the staff member's organization (null for patients).

const STAFF_ACCESS = `
  SELECT p.id, p.org_id,
         CASE WHEN ${staffCareSql('p', '$2')} THEN 'care_team'
              WHEN EXISTS (SELECT 1 FROM break_glass b WHERE b.patient_id = p.id AND b.staff_account_id = $2
                             AND b.org_id = p.org_id AND b.expires_at > now()) THEN 'break_glass' END AS basis
    FROM patients p
   WHERE p.id = $1 AND p.org_id = $11::uuid AND p.deleted_at IS NULL`;

const PATIENT_ACCESS = `
  SELECT p.id, p.org_id,
         CASE WHEN EXISTS (SELECT 1 FROM patient_links l WHERE l.patient_id = p.id AND l.account_id = $2
                             AND l.removed_at IS NULL) THEN 'own'
              WHEN EXISTS (SELECT 1 FROM proxy_grants g WHERE g.patient_id = p.id AND g.grantee_account_id = $2
                             AND g.revoked_at IS NULL AND g.expires_at > now() AND 'view' = ANY (g.scopes))
              THEN 'proxy' END AS basis
    FROM patients p
   WHERE p.id = $1 AND p.deleted_at IS NULL AND $11::uuid IS NULL`;

function statement(access: string): string {
  return `
  WITH access AS (${access}),
  scope AS (SELECT org_id FROM access WHERE basis IS NOT NULL),
  page AS (
    SELECT * FROM (${TimelineKind.options.map(timelineBranch).join('\n    UNION ALL ')}) b
     ORDER BY b.at DESC, b.id DESC LIMIT $5),
  audit AS (
    INSERT INTO audit_events (id, org_id, actor_account_id, actor_kind, action, patient_id, resource_type, reason,
                              request_id, ip, detail)
    SELECT $7, a.org_id, $2, $8, 'record.timeline.read', a.id, 'timeline',
           CASE WHEN a.basis = 'break_glass' THEN 'break-glass' END, $9, $10,
           jsonb_build_object('basis', a.basis, 'kinds', $6::text[],
                              'count', LEAST((SELECT count(*) FROM page), $5 - 1))
      FROM access a WHERE a.basis IS NOT NULL)
  SELECT a.basis, u.kind, u.id, u.at, ${keysetTime('u.at')} AS at_key, u.t1, u.t2, u.t3, u.t4, u.n1, u.n2, u.code,
         u.flag, u.source, u.source_org, u.report_id, r.display_name AS recorded_by_name
    FROM access a
    LEFT JOIN page u ON true
    LEFT JOIN accounts r ON r.id = u.recorded_by
   ORDER BY u.at DESC, u.id DESC`;
}

const STAFF_PAGE = prepared<Row>('careloop_timeline_staff', statement(STAFF_ACCESS));
const PATIENT_PAGE = prepared<Row>('careloop_timeline_patient', statement(PATIENT_ACCESS));

const END_OF_TIME: Keyset = { at: 'infinity', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

export interface TimelineRead {
  /** Undefined: no such patient. Null: the patient exists but the caller may not read the record. */
  basis: AccessBasis | null | undefined;
  rows: TimelineRow[];
}

/** Reads one page of the timeline with its access decision and audits the read in the same statement. */
export async function readTimelineAudited(
  pool: pg.Pool,
  input: {
    patientId: string;
    actor: { kind: 'staff' | 'patient'; accountId: string; orgId: string | null; via: 'session' | 'token' };
    kinds: readonly TimelineKind[];
    before: Keyset | null;
    limit: number;
    auditId: string;
    requestId: string;
    ip: string | null;
  },
): Promise<TimelineRead> {
  const before = input.before ?? END_OF_TIME;
  const query = input.actor.kind === 'staff' ? STAFF_PAGE : PATIENT_PAGE;
  const rows = await query.run(pool, [
    input.patientId,
    input.actor.accountId,
    before.at,
    before.id,
    input.limit + 1,
    input.kinds,
    input.auditId,
    input.actor.via === 'token' ? 'token' : input.actor.kind,
    input.requestId,
    input.ip,
    input.actor.orgId,
  ]);
  const first = rows[0];
  if (!first) return { basis: undefined, rows: [] };
  return { basis: first.basis, rows: rows.filter((r): r is Row & TimelineRow => r.kind !== null) };
}

/** The statement text, for EXPLAIN in review and benchmarks. */
export const TIMELINE_STAFF_SQL = STAFF_PAGE.text;
