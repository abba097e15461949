import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../platform/db/ids.ts';
import { addPrescription, createMedicationWorld, type MedicationWorld } from './medication.testing.ts';

let w: MedicationWorld;

beforeAll(async () => {
  w = await createMedicationWorld();
}, 60_000);

afterAll(async () => {
  await w.t.close();
});

const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );

describe("the patient's own time zone", () => {
  it('takes the times in the zone the phone says, re-makes the doses there, and refuses an unknown zone', async () => {
    const { itemId } = await addPrescription(w, { frequency: 'qd' });
    const id = uuidv7();
    await w.t.deps.db
      .insertInto('medication_schedules')
      .values({
        id,
        org_id: w.orgId,
        patient_id: w.patientId,
        prescription_item_id: itemId,
        order_id: null,
        frequency: 'qd',
        times: ['08:00'],
        time_zone: 'Asia/Shanghai',
        start_date: '2025-01-01',
        end_date: null,
      })
      .execute();

    const unknown = await w.patient.request('PATCH', `/api/v1/medication-schedules/${id}`, {
      version: 1,
      times: ['08:00'],
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('body.timeZone');

    const moved = await w.patient.request('PATCH', `/api/v1/medication-schedules/${id}`, {
      version: 1,
      times: ['08:00'],
      timeZone: 'America/New_York',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const doses = await w.t.deps.db
      .selectFrom('dose_events')
      .select('due_at')
      .where('schedule_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    expect(doses.length).toBeGreaterThan(0);
    for (const d of doses) expect(localTime(d.due_at, 'America/New_York')).toBe('08:00');

    const today = await w.patient.get(`/api/v1/patients/${w.patientId}/doses/today`);
    expect((today.json() as { timeZone: string }).timeZone).toBe('America/New_York');
  });
});
