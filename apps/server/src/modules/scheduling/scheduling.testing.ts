import { uuidv7 } from '../../platform/db/ids.ts';
import type { AppDeps } from '../../platform/deps.ts';

// Builders for scheduling tests and benchmarks: sessions and slots at exact times, patients linked to accounts.

export interface BuiltSession {
  sessionId: string;
  slotIds: string[];
  startsAt: Date;
}

/** A session of `slots` back-to-back slots starting at `startsAt` (UTC), written straight to the tables. */
export async function buildSession(
  deps: Pick<AppDeps, 'db'>,
  o: {
    orgId: string;
    doctorId: string;
    startsAt: Date;
    slots: number;
    capacity?: number;
    slotMinutes?: number;
    date?: string;
    status?: 'open' | 'closed';
  },
): Promise<BuiltSession> {
  const slotMinutes = o.slotMinutes ?? 15;
  const sessionId = uuidv7();
  const endsAt = new Date(o.startsAt.getTime() + o.slots * slotMinutes * 60_000);
  const date = o.date ?? new Date(o.startsAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  await deps.db
    .insertInto('schedule_sessions')
    .values({
      id: sessionId,
      org_id: o.orgId,
      doctor_account_id: o.doctorId,
      department_id: null,
      template_id: null,
      date,
      starts_at: o.startsAt,
      ends_at: endsAt,
      slot_minutes: slotMinutes,
      capacity: o.capacity ?? 1,
      mode: 'in_person',
      fee_fen: 2500,
    })
    .execute();
  const slotIds = Array.from({ length: o.slots }, () => uuidv7());
  await deps.db
    .insertInto('slots')
    .values(
      slotIds.map((id, i) => ({
        id,
        org_id: o.orgId,
        session_id: sessionId,
        doctor_account_id: o.doctorId,
        starts_at: new Date(o.startsAt.getTime() + i * slotMinutes * 60_000),
        ends_at: new Date(o.startsAt.getTime() + (i + 1) * slotMinutes * 60_000),
        capacity: o.capacity ?? 1,
        status: o.status ?? 'open',
      })),
    )
    .execute();
  return { sessionId, slotIds, startsAt: o.startsAt };
}

/** `count` patient profiles in the org, each linked to the account (a family's 就诊人). */
export async function buildPatients(
  deps: Pick<AppDeps, 'db'>,
  orgId: string,
  accountId: string,
  count: number,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  await deps.db
    .insertInto('patients')
    .values(
      ids.map((id, i) => ({
        id,
        org_id: orgId,
        mrn: `S${id.slice(-12)}`,
        name: `候诊患者${i}`,
        name_search: `hzhz${i}`,
        sex: 'female' as const,
        birth_date: '1980-01-01',
      })),
    )
    .execute();
  await deps.db
    .insertInto('patient_links')
    .values(
      ids.map((id) => ({
        id: uuidv7(),
        org_id: orgId,
        account_id: accountId,
        patient_id: id,
        relationship: 'other',
      })),
    )
    .execute();
  return ids;
}
