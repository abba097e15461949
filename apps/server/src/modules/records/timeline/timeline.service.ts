import { TimelineKind, type TimelineItem } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Language } from '../../../platform/http/language.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { displayUnit, recordLabels, type RecordLabels } from '../record-labels.ts';
import { observationName } from '../observations/observation-mapper.ts';
import { readTimelineAudited, type TimelineRow } from './timeline.query.ts';

const ALL_KINDS = TimelineKind.options;

/** A number as people write it: no trailing zeros, no float noise. */
const num = (n: number) => String(Number(n.toPrecision(10)));

function describe(row: TimelineRow, labels: RecordLabels, language: Language) {
  const colon = labels.phrase('colon');
  switch (row.kind) {
    case 'observation': {
      const name = observationName(
        row.t4 === 'local' ? 'local' : 'loinc',
        row.code ?? '',
        row.t1 ?? '',
        language,
      );
      const value = row.n1 !== null ? num(row.n1) : (row.t2 ?? '');
      const unit = row.n1 !== null ? displayUnit(row.t3, language) : null;
      return { title: [name, value, unit].filter(Boolean).join(' '), detail: null };
    }
    case 'checkup': {
      const total = row.n1 ?? 0;
      const abnormal = row.n2 ?? 0;
      const place = row.t1 ?? row.t2;
      return {
        title: `${labels.phrase('checkup')}${place ? `${colon}${place}` : ''}`,
        detail:
          abnormal > 0
            ? labels.phrase('abnormalOf', { a: abnormal, n: total })
            : labels.phrase('allNormal', { n: total }),
      };
    }
    case 'condition':
      return {
        title: row.t2 ? `${row.t1} (${row.t2})` : (row.t1 ?? ''),
        detail: labels.value('conditionStatus', row.t3),
      };
    case 'allergy':
      return {
        title: `${labels.phrase('allergy')}${colon}${row.t1}`,
        detail: labels.list([row.t2, labels.value('severity', row.t3), labels.value('status', row.t4)]),
      };
    case 'medication':
      return {
        title: `${labels.phrase('medication')}${colon}${row.t1}`,
        detail: labels.list([row.t2, row.t3, labels.value('status', row.t4)]),
      };
    case 'procedure':
      return { title: row.t1 ?? '', detail: labels.list([labels.value('procedureKind', row.t2), row.t3]) };
    case 'family_history':
      return {
        title: `${labels.phrase('familyHistory')}${colon}${labels.value('relation', row.t2)} ${row.t1}`,
        detail: row.n1 !== null ? labels.phrase('onsetAge', { n: row.n1 }) : null,
      };
    case 'lifestyle':
      return {
        title: labels.phrase('lifestyle'),
        detail: labels.list([
          labels.value('smoking', row.t1),
          row.t4 && row.t1 === 'current' && labels.phrase('cigarettes', { n: row.t4 }),
          labels.value('alcohol', row.t2),
          row.n1 !== null && labels.phrase('activity', { n: row.n1 }),
          row.n2 !== null && labels.phrase('sleep', { n: num(row.n2) }),
        ]),
      };
    case 'encounter':
      return {
        title: labels.list([labels.value('encounterKind', row.t1), row.t2]) ?? '',
        detail: row.t3 ?? row.t4,
      };
    case 'document':
      return { title: row.t1 ?? '', detail: labels.value('documentKind', row.t2) };
  }
}

export function toTimelineItem(row: TimelineRow, language: Language): TimelineItem {
  const { title, detail } = describe(row, recordLabels(language), language);
  return {
    kind: row.kind,
    id: row.id,
    at: row.at.toISOString(),
    title,
    detail,
    flag: row.kind === 'observation' || row.kind === 'checkup' ? row.flag : null,
    source: row.source,
    sourceOrg: row.source_org,
    recordedBy: row.recorded_by_name,
    reportId: row.report_id,
    code: row.kind === 'observation' ? row.code : null,
    counts: row.kind === 'checkup' ? { total: row.n1 ?? 0, abnormal: row.n2 ?? 0 } : null,
  };
}

export class TimelineService {
  constructor(private readonly deps: AppDeps) {}

  /**
   * Everything in the record, newest first, one keyset page at a time (the cursor is time + id). The access check,
   * the page and its audit entry are one statement (timeline.query.ts).
   */
  async page(
    ctx: RequestContext,
    patientId: string,
    query: { kinds?: TimelineKind[] | undefined; before?: string | undefined; limit: number },
    language: Language,
  ): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
    const before = decodeCursor(query.before, 'before');
    const kinds = ALL_KINDS.filter((k) => !query.kinds || query.kinds.includes(k));
    const read = await readTimelineAudited(this.deps.pool, {
      patientId,
      actor: ctx.actor,
      kinds,
      before,
      limit: query.limit,
      auditId: uuidv7(),
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    if (read.basis === undefined) throw new AppError('PATIENT_NOT_FOUND');
    if (read.basis === null) {
      throw new AppError(ctx.actor.kind === 'staff' ? 'ACCESS_DENIED' : 'PATIENT_NOT_FOUND');
    }
    const page = read.rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toTimelineItem(r, language)),
      nextCursor:
        read.rows.length > query.limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null,
    };
  }
}
