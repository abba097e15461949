import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { schedulesRepository as repo } from './schedules.repository.ts';

/** Adds days to a 'YYYY-MM-DD' date (calendar arithmetic in UTC, so no time zone shifts the day). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The slots of a session: back to back from its start, each slotMinutes long, none running past its end. */
export function slotTimes(
  startsAt: Date,
  endsAt: Date,
  slotMinutes: number,
): { startsAt: Date; endsAt: Date }[] {
  const out: { startsAt: Date; endsAt: Date }[] = [];
  const step = slotMinutes * 60_000;
  for (let t = startsAt.getTime(); t + step <= endsAt.getTime(); t += step)
    out.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
  return out;
}

/**
 * Generates the sessions and slots still missing from today to the org's horizon (or a narrower filter), in the
 * caller's transaction. Safe to run any number of times: existing sessions are left as they are.
 */
export async function generateSessions(
  tx: Executor,
  orgId: string,
  horizonWeeks: number,
  filter: { doctorId?: string; templateId?: string } = {},
): Promise<number> {
  const { today } = await repo.today(tx, orgId);
  const planned = await repo.plannedSessions(tx, orgId, today, addDays(today, horizonWeeks * 7), filter);
  let created = 0;
  for (const p of planned) {
    const id = uuidv7();
    const inserted = await repo.insertSession(tx, {
      id,
      orgId,
      templateId: p.template_id,
      doctorId: p.doctor_account_id,
      departmentId: p.department_id,
      date: p.date,
      startsAt: p.starts_at,
      endsAt: p.ends_at,
      slotMinutes: p.slot_minutes,
      capacity: p.capacity,
      mode: p.mode,
      feeFen: p.fee_fen,
    });
    if (!inserted) continue;
    created += 1;
    await repo.insertSlots(
      tx,
      slotTimes(p.starts_at, p.ends_at, p.slot_minutes).map((s) => ({
        id: uuidv7(),
        org_id: orgId,
        session_id: id,
        doctor_account_id: p.doctor_account_id,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        capacity: p.capacity,
      })),
    );
  }
  return created;
}
