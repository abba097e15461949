import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doseTimesForDay, type FrequencyCode } from '@careloop/clinical';
import { uuidv7 } from '../../platform/db/ids.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { sweepMissedDoses, sendDoseReminders } from './medication.jobs.ts';
import { addPrescription, createMedicationWorld, type MedicationWorld } from './medication.testing.ts';

let w: MedicationWorld;

beforeAll(async () => {
  w = await createMedicationWorld();
}, 60_000);

afterAll(async () => {
  await w.t.close();
});

async function addSchedule(
  world: MedicationWorld,
  options: {
    frequency?: string;
    times?: string[];
    timeZone?: string;
    startDate?: string;
    patientId?: string;
  } = {},
) {
  const { itemId } = await addPrescription(world, { frequency: options.frequency ?? 'bid' });
  const id = uuidv7();
  await world.t.deps.db
    .insertInto('medication_schedules')
    .values({
      id,
      org_id: world.orgId,
      patient_id: options.patientId ?? world.patientId,
      prescription_item_id: itemId,
      order_id: null,
      frequency: options.frequency ?? 'bid',
      times: options.times ?? ['08:00', '20:00'],
      time_zone: options.timeZone ?? 'Asia/Shanghai',
      start_date: options.startDate ?? '2025-01-01',
      end_date: null,
    })
    .execute();
  return id;
}

async function dosesOf(scheduleId: string) {
  const rows = await w.t.deps.db
    .selectFrom('dose_events')
    .select(['due_at', 'status'])
    .where('schedule_id', '=', scheduleId)
    .orderBy('due_at')
    .execute();
  return rows.map((r) => r.due_at.toISOString());
}

describe('dose generation', () => {
  it("turns local times into instants in each schedule's zone, across the date line and a DST change", async () => {
    const shanghai = await addSchedule(w, { timeZone: 'Asia/Shanghai' });
    const newYork = await addSchedule(w, { timeZone: 'America/New_York' });
    // 17:30 UTC on 9 March 2025 is already 01:30 on 10 March in Shanghai; New York moved to EDT that morning.
    const asOf = new Date('2025-03-09T17:30:00Z');
    await schedulesRepository.generateDoses(w.t.deps.db, {
      asOf,
      fromDay: 0,
      toDay: 0,
      scheduleIds: [shanghai, newYork],
    });
    expect(await dosesOf(shanghai)).toEqual(['2025-03-10T00:00:00.000Z', '2025-03-10T12:00:00.000Z']);
    expect(await dosesOf(newYork)).toEqual(['2025-03-09T12:00:00.000Z', '2025-03-10T00:00:00.000Z']);
    // The day before in New York was still EST (UTC-5).
    await schedulesRepository.generateDoses(w.t.deps.db, {
      asOf,
      fromDay: -1,
      toDay: -1,
      scheduleIds: [newYork],
    });
    expect((await dosesOf(newYork)).slice(0, 2)).toEqual([
      '2025-03-08T13:00:00.000Z',
      '2025-03-09T01:00:00.000Z',
    ]);
    // Running again makes nothing twice.
    expect(
      await schedulesRepository.generateDoses(w.t.deps.db, {
        asOf,
        fromDay: -1,
        toDay: 0,
        scheduleIds: [newYork],
      }),
    ).toBe(0);
  });

  it('makes the same dosing days as doseTimesForDay for every scheduled frequency', async () => {
    const start = '2025-05-01';
    const asOf = new Date('2025-05-01T04:00:00Z'); // noon in Shanghai on the start day
    for (const frequency of ['qd', 'bid', 'tid', 'qn', 'q8h', 'qod', 'qw', 'biw'] as FrequencyCode[]) {
      const times = doseTimesForDay({ frequency, startDate: start, day: start });
      const id = await addSchedule(w, { frequency, times, startDate: start });
      await schedulesRepository.generateDoses(w.t.deps.db, {
        asOf,
        fromDay: 0,
        toDay: 20,
        scheduleIds: [id],
      });
      const made = await w.t.deps.db
        .selectFrom('dose_events')
        .select('due_at')
        .where('schedule_id', '=', id)
        .orderBy('due_at')
        .execute();
      const expected: string[] = [];
      for (let k = 0; k <= 20; k++) {
        const day = new Date(Date.UTC(2025, 4, 1 + k)).toISOString().slice(0, 10);
        for (const t of doseTimesForDay({ frequency, startDate: start, day })) {
          expected.push(new Date(`${day}T${t}:00+08:00`).toISOString());
        }
      }
      expect(
        made.map((r) => r.due_at.toISOString()),
        frequency,
      ).toEqual(expected);
    }
  });
});

describe("today's doses and adherence", () => {
  it('marks a dose taken, late (over 2 h after its time) or skipped with a reason', async () => {
    const id = await addSchedule(w, { times: ['00:00'], startDate: '2024-01-01' });
    const now = new Date();
    const rows = [1, 3, 5].map((h) => ({
      org_id: w.orgId,
      patient_id: w.patientId,
      schedule_id: id,
      due_at: new Date(now.getTime() - h * 3_600_000),
    }));
    const inserted = await w.t.deps.db
      .insertInto('dose_events')
      .values(rows)
      .returning(['id', 'due_at'])
      .execute();
    const [oneHour, threeHours, fiveHours] = inserted.sort((a, b) => b.due_at.getTime() - a.due_at.getTime());
    const onTime = await w.patient.post(`/api/v1/dose-events/${oneHour!.id}/record`, { status: 'taken' });
    expect(onTime.json()).toMatchObject({ status: 'taken' });
    const late = await w.patient.post(`/api/v1/dose-events/${threeHours!.id}/record`, { status: 'taken' });
    expect(late.json()).toMatchObject({ status: 'late' });
    const noReason = await w.patient.post(`/api/v1/dose-events/${fiveHours!.id}/record`, {
      status: 'skipped',
    });
    expect(noReason.statusCode).toBe(400);
    const skipped = await w.patient.post(`/api/v1/dose-events/${fiveHours!.id}/record`, {
      status: 'skipped',
      reason: '胃不舒服',
    });
    expect(skipped.json()).toMatchObject({ status: 'skipped', reason: '胃不舒服' });
    expect(
      (await w.strangerPatient.post(`/api/v1/dose-events/${oneHour!.id}/record`, { status: 'taken' }))
        .statusCode,
    ).toBe(404);
    const future = await w.t.deps.db
      .insertInto('dose_events')
      .values({ ...rows[0]!, due_at: new Date(now.getTime() + 5 * 3_600_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const early = await w.patient.post(`/api/v1/dose-events/${future.id}/record`, { status: 'taken' });
    expect((early.json() as { code: string }).code).toBe('DOSE_NOT_DUE');
  });

  it('computes adherence per medication, per day and overall as the share of due doses taken', async () => {
    const fresh = await createMedicationWorld();
    try {
      const a = await addScheduleIn(fresh, 'qd');
      const b = await addScheduleIn(fresh, 'qd');
      const day = (n: number) => new Date(Date.now() - n * 86_400_000);
      // a: taken 4 of the last 6 days (one late), 1 skipped, 1 missed; b: all 6 taken.
      const statuses = ['taken', 'late', 'taken', 'skipped', 'missed', 'taken'] as const;
      await fresh.t.deps.db
        .insertInto('dose_events')
        .values([
          ...statuses.map((status, i) => ({
            org_id: fresh.orgId,
            patient_id: fresh.patientId,
            schedule_id: a,
            due_at: day(i + 1),
            status,
            reason: status === 'skipped' ? 'x' : null,
            recorded_at: status === 'missed' ? null : day(i + 1),
          })),
          ...statuses.map((_, i) => ({
            org_id: fresh.orgId,
            patient_id: fresh.patientId,
            schedule_id: b,
            due_at: day(i + 1),
            status: 'taken' as const,
            recorded_at: day(i + 1),
          })),
        ])
        .execute();
      const res = await fresh.patient.get(`/api/v1/patients/${fresh.patientId}/adherence?days=30`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        overall: { rate: number; taken: number; late: number; skipped: number; missed: number };
        perMedication: { scheduleId: string; rate: number }[];
        daily: unknown[];
      };
      expect(body.overall).toEqual({ rate: 10 / 12, taken: 9, late: 1, skipped: 1, missed: 1 });
      expect(body.perMedication.find((m) => m.scheduleId === a)?.rate).toBeCloseTo(4 / 6);
      expect(body.perMedication.find((m) => m.scheduleId === b)?.rate).toBe(1);
      expect(body.daily).toHaveLength(30);
      // The care team sees the same figures; a stranger does not.
      const team = await fresh.doctor.get(`/api/v1/patients/${fresh.patientId}/adherence?days=30`);
      expect((team.json() as { overall: unknown }).overall).toEqual(body.overall);
      expect(
        (await fresh.colleague.get(`/api/v1/patients/${fresh.patientId}/adherence?days=30`)).statusCode,
      ).toBe(403);
      expect(
        (await fresh.patient.get(`/api/v1/patients/${fresh.patientId}/adherence?days=9`)).statusCode,
      ).toBe(400);
    } finally {
      await fresh.t.close();
    }
  }, 60_000);
});

async function addScheduleIn(world: MedicationWorld, frequency: string) {
  const { itemId } = await addPrescription(world, { frequency });
  const id = uuidv7();
  await world.t.deps.db
    .insertInto('medication_schedules')
    .values({
      id,
      org_id: world.orgId,
      patient_id: world.patientId,
      prescription_item_id: itemId,
      order_id: null,
      frequency,
      times: ['08:00'],
      time_zone: 'Asia/Shanghai',
      start_date: '2024-01-01',
      end_date: null,
    })
    .execute();
  return id;
}

describe('reminders, missed doses and tasks', () => {
  it('reminds once per patient and due time, naming no drug', async () => {
    const fresh = await createMedicationWorld();
    try {
      const s1 = await addScheduleIn(fresh, 'qd');
      const s2 = await addScheduleIn(fresh, 'qd');
      const due = new Date(Date.now() - 5 * 60_000);
      await fresh.t.deps.db
        .insertInto('dose_events')
        .values(
          [s1, s2].map((schedule_id) => ({
            org_id: fresh.orgId,
            patient_id: fresh.patientId,
            schedule_id,
            due_at: due,
          })),
        )
        .execute();
      expect(await sendDoseReminders(fresh.t.deps)).toBe(1);
      expect(await sendDoseReminders(fresh.t.deps)).toBe(0);
      const note = await fresh.t.deps.db
        .selectFrom('notifications')
        .select(['kind', 'body_zh', 'body_en'])
        .where('kind', '=', 'medication_reminder')
        .executeTakeFirstOrThrow();
      expect(note.body_zh).toContain('2 种药');
      expect(`${note.body_zh}${note.body_en}`).not.toMatch(/氨氯地平|amlodipine/i);
    } finally {
      await fresh.t.close();
    }
  }, 60_000);

  it('sweeps unanswered doses to missed and raises one follow-up task for missed doses 3 days running', async () => {
    const fresh = await createMedicationWorld();
    try {
      const s = await addScheduleIn(fresh, 'qd');
      const now = new Date();
      const timeZone = 'Asia/Shanghai';
      const today = await schedulesRepository.localToday(fresh.t.deps.db, timeZone, now);
      const dues = [1, 2, 3].map((n) => {
        const d = new Date(`${today}T08:00:00+08:00`);
        return new Date(d.getTime() - n * 86_400_000);
      });
      await fresh.t.deps.db
        .insertInto('dose_events')
        .values(
          dues.map((due_at) => ({
            org_id: fresh.orgId,
            patient_id: fresh.patientId,
            schedule_id: s,
            due_at,
          })),
        )
        .execute();
      const first = await sweepMissedDoses(fresh.t.deps, now);
      expect(first).toEqual({ missed: 3, tasks: 1 });
      const tasks = await fresh.t.deps.db
        .selectFrom('follow_up_tasks')
        .select(['assignee_id', 'title_en', 'status'])
        .where('patient_id', '=', fresh.patientId)
        .execute();
      expect(tasks).toEqual([
        {
          assignee_id: fresh.healthManagerId,
          title_en: 'Missed medication doses 3 days running',
          status: 'open',
        },
      ]);
      // The task shows in the health manager's follow-up worklist like any other (no parallel task system).
      expect(await sweepMissedDoses(fresh.t.deps, now)).toEqual({ missed: 0, tasks: 0 });
    } finally {
      await fresh.t.close();
    }
  }, 60_000);

  it('does not raise a task for two missed days', async () => {
    const fresh = await createMedicationWorld();
    try {
      const s = await addScheduleIn(fresh, 'qd');
      const now = new Date();
      const dues = [1, 2].map((n) => new Date(now.getTime() - n * 86_400_000 - 13 * 3_600_000));
      await fresh.t.deps.db
        .insertInto('dose_events')
        .values(
          dues.map((due_at) => ({
            org_id: fresh.orgId,
            patient_id: fresh.patientId,
            schedule_id: s,
            due_at,
          })),
        )
        .execute();
      expect((await sweepMissedDoses(fresh.t.deps, now)).tasks).toBe(0);
    } finally {
      await fresh.t.close();
    }
  }, 60_000);
});

describe('adverse reactions', () => {
  it('the patient reports, the prescriber is alerted, and the review adds it to the allergies', async () => {
    const { itemId } = await addPrescription(w);
    const reported = await w.patient.post(`/api/v1/patients/${w.patientId}/adverse-reactions`, {
      prescriptionItemId: itemId,
      symptoms: '脚踝水肿',
      severity: 'moderate',
      startedAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const reaction = reported.json() as { id: string; version: number };
    const alert = await w.t.deps.db
      .selectFrom('notifications')
      .select(['account_id', 'kind'])
      .where('dedupe_key', '=', `reaction:${reaction.id}`)
      .executeTakeFirstOrThrow();
    expect(alert).toEqual({ account_id: w.doctorId, kind: 'medication_reaction' });
    const inbox = await w.doctor.get('/api/v1/adverse-reactions');
    expect((inbox.json() as { items: { id: string }[] }).items.map((r) => r.id)).toContain(reaction.id);

    const review = await w.doctor.post(`/api/v1/adverse-reactions/${reaction.id}/review`, {
      version: reaction.version,
      decision: 'add_to_allergies',
      note: '考虑氨氯地平相关水肿',
    });
    expect(review.statusCode, review.body).toBe(200);
    const allergyId = (review.json() as { allergyId: string }).allergyId;
    const allergies = await w.doctor.get(`/api/v1/patients/${w.patientId}/allergies`);
    expect(
      (allergies.json() as { items: { id: string; category: string; reaction: string }[] }).items,
    ).toContainEqual(expect.objectContaining({ id: allergyId, category: 'drug', reaction: '脚踝水肿' }));
    const again = await w.doctor.post(`/api/v1/adverse-reactions/${reaction.id}/review`, {
      version: reaction.version + 1,
      decision: 'dismissed',
    });
    expect((again.json() as { code: string }).code).toBe('REACTION_REVIEWED');
  });

  it('refuses a reaction to a drug the patient was not prescribed, and a review by a doctor without care', async () => {
    const res = await w.patient.post(`/api/v1/patients/${w.patientId}/adverse-reactions`, {
      prescriptionItemId: uuidv7(),
      symptoms: '皮疹',
      severity: 'mild',
      startedAt: new Date().toISOString(),
    });
    expect((res.json() as { code: string }).code).toBe('PRESCRIPTION_ITEM_NOT_FOUND');
    const { itemId } = await addPrescription(w);
    const ok = await w.patient.post(`/api/v1/patients/${w.patientId}/adverse-reactions`, {
      prescriptionItemId: itemId,
      symptoms: '皮疹',
      severity: 'mild',
      startedAt: new Date().toISOString(),
    });
    const r = ok.json() as { id: string; version: number };
    const colleague = await w.colleague.post(`/api/v1/adverse-reactions/${r.id}/review`, {
      version: r.version,
      decision: 'dismissed',
    });
    expect(colleague.statusCode).toBe(403);
  });
});

describe('refill requests', () => {
  it('go to the prescriber for long-term prescriptions, who links the renewal', async () => {
    const { prescriptionId } = await addPrescription(w, { longTerm: true });
    const res = await w.patient.post(`/api/v1/patients/${w.patientId}/refill-requests`, {
      prescriptionId,
      note: '药快吃完了',
    });
    expect(res.statusCode, res.body).toBe(201);
    const refill = res.json() as { id: string; version: number; drugNames: string[] };
    expect(refill.drugNames).toEqual(['Amlodipine besylate tablets']);
    const again = await w.patient.post(`/api/v1/patients/${w.patientId}/refill-requests`, { prescriptionId });
    expect((again.json() as { code: string }).code).toBe('REFILL_NOT_ALLOWED');
    const note = await w.t.deps.db
      .selectFrom('notifications')
      .select(['account_id', 'kind'])
      .where('dedupe_key', '=', `refill:${refill.id}`)
      .executeTakeFirstOrThrow();
    expect(note).toEqual({ account_id: w.doctorId, kind: 'medication_refill' });
    const inbox = (await w.doctor.get('/api/v1/refill-requests')).json() as { items: { id: string }[] };
    expect(inbox.items.map((r) => r.id)).toContain(refill.id);

    // The renewal must be a newer prescription of the same patient by the same doctor.
    const bad = await w.doctor.post(`/api/v1/refill-requests/${refill.id}/renew`, {
      version: refill.version,
      renewalPrescriptionId: prescriptionId,
    });
    expect((bad.json() as { code: string }).code).toBe('REFILL_RENEWAL_INVALID');
    const renewal = await addPrescription(w, { longTerm: true });
    const renewed = await w.doctor.post(`/api/v1/refill-requests/${refill.id}/renew`, {
      version: refill.version,
      renewalPrescriptionId: renewal.prescriptionId,
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({
      status: 'renewed',
      renewalPrescriptionId: renewal.prescriptionId,
    });
  });

  it('are refused for a prescription that is not long-term', async () => {
    const { prescriptionId } = await addPrescription(w, { longTerm: false });
    const res = await w.patient.post(`/api/v1/patients/${w.patientId}/refill-requests`, { prescriptionId });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { code: string }).code).toBe('REFILL_NOT_ALLOWED');
  });
});
