import type { Executor } from '../../../platform/db/database.ts';
import type { LifestyleAssessmentsTable, RecordSource } from '../../../platform/db/schema-records.ts';
import type { Insertable } from 'kysely';

export interface LifestyleRow {
  id: string;
  patient_id: string;
  assessed_at: Date;
  smoking: 'never' | 'former' | 'current' | null;
  cigarettes_per_day: number | null;
  alcohol: 'none' | 'occasional' | 'regular' | 'heavy' | null;
  activity_minutes_per_week: number | null;
  diet: string | null;
  sleep_hours: string | null;
  note: string | null;
  source: RecordSource;
  source_org: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Date;
}

const COLUMNS = [
  'l.id',
  'l.patient_id',
  'l.assessed_at',
  'l.smoking',
  'l.cigarettes_per_day',
  'l.alcohol',
  'l.activity_minutes_per_week',
  'l.diet',
  'l.sleep_hours',
  'l.note',
  'l.source',
  'l.source_org',
  'l.recorded_by',
  'a.display_name as recorded_by_name',
  'l.created_at',
] as const;

interface Scope {
  orgId: string;
  patientId: string;
}

function assessments(db: Executor, scope: Scope) {
  return db
    .selectFrom('lifestyle_assessments as l')
    .leftJoin('accounts as a', 'a.id', 'l.recorded_by')
    .select(COLUMNS)
    .where('l.patient_id', '=', scope.patientId)
    .where('l.org_id', '=', scope.orgId)
    .where('l.deleted_at', 'is', null)
    .orderBy('l.assessed_at', 'desc')
    .orderBy('l.id', 'desc');
}

export const lifestyleRepository = {
  /** The assessments newest first; the first is the current one. */
  async history(db: Executor, scope: Scope & { limit: number }): Promise<LifestyleRow[]> {
    return assessments(db, scope).limit(scope.limit).execute();
  },

  async latest(db: Executor, scope: Scope): Promise<LifestyleRow | undefined> {
    return assessments(db, scope).limit(1).executeTakeFirst();
  },

  async find(db: Executor, scope: Scope & { id: string }): Promise<LifestyleRow | undefined> {
    return assessments(db, scope).where('l.id', '=', scope.id).executeTakeFirst();
  },

  async insert(db: Executor, row: Insertable<LifestyleAssessmentsTable>): Promise<void> {
    await db.insertInto('lifestyle_assessments').values(row).execute();
  },
};
