// Demo schedules (预约挂号): weekly templates for the demo hospital's doctors (mornings in person, two online
// afternoons), sessions and slots for the next two weeks, and a clinic running today for the demo doctor 王建国
// with a live queue: two patients seen, one with the doctor, 张伟 checked in and waiting, more booked later. 王芳
// has an appointment next week and 张伟 one more in a few days, so "my appointments" is not empty.
import { sql } from 'kysely';
import type { AppDeps } from '../platform/deps.ts';
import type { Logger } from '../platform/logging.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { generateAllSessions } from '../modules/scheduling/index.ts';
import { PARTNER_ORG } from './demo-referrals.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_ORG } from './demo-staff.ts';

const MIN = 60_000;
const SLOT_MINUTES = 15;

/** Fee by title, in fen: 主任医师 50 yuan, 副主任医师 30, others 15. */
const feeOf = (title: string | null) => (title === '主任医师' ? 5000 : title === '副主任医师' ? 3000 : 1500);

export async function seedDemoScheduling(deps: AppDeps, log: Logger): Promise<void> {
  const { db } = deps;
  const org = await db.selectFrom('orgs').select(['id']).where('code', '=', DEMO_ORG.code).executeTakeFirst();
  if (!org) return;
  if (await db.selectFrom('schedule_templates').select('id').where('org_id', '=', org.id).executeTakeFirst())
    return;
  const doctors = await db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.account_id', 'm.department_id', 'm.title', 'a.email'])
    .where('m.org_id', '=', org.id)
    .where(sql<boolean>`'doctor' = ANY (m.roles)`)
    .execute();
  const demoDoctor = doctors.find((d) => d.email === DEMO_DOCTOR_EMAIL);
  const createdBy = demoDoctor?.account_id ?? doctors[0]?.account_id;
  if (!createdBy) return;
  const { today } = (
    await sql<{
      today: string;
    }>`SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM orgs WHERE id = ${org.id}`.execute(db)
  ).rows[0]!;

  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('scheduling_settings')
      .values({ org_id: org.id, horizon_weeks: 2, updated_by: null })
      .execute();
    const templates = doctors.flatMap((d) => {
      const base = {
        org_id: org.id,
        doctor_account_id: d.account_id,
        department_id: d.department_id,
        fee_fen: feeOf(d.title),
        valid_from: today,
        valid_until: null,
        created_by: createdBy,
      };
      // The demo doctor sees patients every day, so the demo always has a clinic today.
      if (d.account_id === demoDoctor?.account_id)
        return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          ...base,
          id: uuidv7(),
          weekday,
          start_time: '08:00',
          end_time: '17:00',
          slot_minutes: SLOT_MINUTES,
          capacity: 1,
          mode: 'in_person' as const,
        }));
      return [
        ...[1, 2, 3, 4, 5].map((weekday) => ({
          ...base,
          id: uuidv7(),
          weekday,
          start_time: '08:00',
          end_time: '12:00',
          slot_minutes: SLOT_MINUTES,
          capacity: 1,
          mode: 'in_person' as const,
        })),
        ...[2, 4].map((weekday) => ({
          ...base,
          id: uuidv7(),
          weekday,
          start_time: '14:00',
          end_time: '17:00',
          slot_minutes: 20,
          capacity: 2,
          mode: 'online' as const,
          fee_fen: Math.round(feeOf(d.title) / 2),
        })),
      ];
    });
    await tx.insertInto('schedule_templates').values(templates).execute();
    if (!demoDoctor) return;

    // Today's clinic of the demo doctor, laid around the current time (the template's hours may be past or ahead).
    const template = templates.find(
      (t) => t.doctor_account_id === demoDoctor.account_id && t.weekday === isoWeekday(today),
    );
    const start = new Date(Math.floor(Date.now() / (SLOT_MINUTES * MIN)) * SLOT_MINUTES * MIN - 60 * MIN);
    const sessionId = uuidv7();
    await tx
      .insertInto('schedule_sessions')
      .values({
        id: sessionId,
        org_id: org.id,
        doctor_account_id: demoDoctor.account_id,
        department_id: demoDoctor.department_id,
        template_id: template?.id ?? null,
        date: today,
        starts_at: start,
        ends_at: new Date(start.getTime() + 16 * SLOT_MINUTES * MIN),
        slot_minutes: SLOT_MINUTES,
        capacity: 1,
        mode: 'in_person',
        fee_fen: feeOf(demoDoctor.title),
      })
      .execute();
    const slots = Array.from({ length: 16 }, (_, i) => ({
      id: uuidv7(),
      org_id: org.id,
      session_id: sessionId,
      doctor_account_id: demoDoctor.account_id,
      starts_at: new Date(start.getTime() + i * SLOT_MINUTES * MIN),
      ends_at: new Date(start.getTime() + (i + 1) * SLOT_MINUTES * MIN),
      capacity: 1,
    }));
    await tx.insertInto('slots').values(slots).execute();

    const self = await sql<{ patient_id: string; account_id: string; phone_bidx: string | null }>`
      SELECT l.patient_id, l.account_id, a.phone_bidx FROM patient_links l JOIN accounts a ON a.id = l.account_id
       WHERE l.org_id = ${org.id} AND l.relationship = 'self' AND l.removed_at IS NULL
       ORDER BY l.patient_id LIMIT 40`.execute(tx);
    const byPhone = (phone: string) =>
      self.rows.find((p) => p.phone_bidx === deps.crypto.blindIndex('phone', phone));
    const zhangWei = byPhone(WELL_KNOWN_PHONES.zhangWei);
    const others = self.rows.filter((p) => p !== zhangWei && p !== byPhone(WELL_KNOWN_PHONES.wangFang));
    const careUntil = sql<Date>`((${today}::date + 1)::timestamp AT TIME ZONE (SELECT time_zone FROM orgs WHERE id = ${org.id}))`;
    // Slot 0-1 seen, 2 with the doctor, 3 (张伟) and 4 waiting, 5-6 booked but not here yet.
    const queue: {
      who: (typeof self.rows)[number] | undefined;
      state: 'done' | 'in_consultation' | 'waiting' | null;
    }[] = [
      { who: others[0], state: 'done' },
      { who: others[1], state: 'done' },
      { who: others[2], state: 'in_consultation' },
      { who: zhangWei, state: 'waiting' },
      { who: others[3], state: 'waiting' },
      { who: others[4], state: null },
      { who: others[5], state: null },
    ];
    let number = 0;
    for (const [i, q] of queue.entries()) {
      const slot = slots[i];
      if (!q.who || !slot) continue;
      const checkedIn = q.state !== null;
      if (checkedIn) number += 1;
      await tx
        .insertInto('appointments')
        .values({
          id: uuidv7(),
          org_id: org.id,
          patient_id: q.who.patient_id,
          slot_id: slot.id,
          session_id: sessionId,
          doctor_account_id: demoDoctor.account_id,
          visit_date: today,
          starts_at: slot.starts_at,
          status: q.state === 'done' ? 'completed' : checkedIn ? 'checked_in' : 'booked',
          booked_by: q.who.account_id,
          basis: 'own',
          checked_in_at: checkedIn ? new Date(slot.starts_at.getTime() - 20 * MIN) : null,
          checked_in_by: checkedIn ? q.who.account_id : null,
          queue_state: q.state,
          queue_number: checkedIn ? number : null,
          called_at: q.state === 'done' || q.state === 'in_consultation' ? slot.starts_at : null,
          started_at: q.state === 'done' || q.state === 'in_consultation' ? slot.starts_at : null,
          done_at: q.state === 'done' ? new Date(slot.starts_at.getTime() + 12 * MIN) : null,
          care_until: careUntil,
        })
        .execute();
      await tx.updateTable('slots').set({ booked: 1 }).where('id', '=', slot.id).execute();
    }
    await tx
      .updateTable('schedule_sessions')
      .set({ queue_seq: number, queue_version: number + 1 })
      .where('id', '=', sessionId)
      .execute();
  });

  await seedPartnerClinics(deps);
  const created = await generateAllSessions(deps);
  await bookLater(deps, org.id, today);
  log.info({ sessions: created }, 'demo schedules seeded');
}

/** 张伟 in three days with the endocrinologist, 王芳 next week with the demo doctor (free slots of the generated days). */
async function bookLater(deps: AppDeps, orgId: string, today: string) {
  const { db } = deps;
  const self = await sql<{ patient_id: string; account_id: string; phone_bidx: string | null }>`
    SELECT l.patient_id, l.account_id, a.phone_bidx FROM patient_links l JOIN accounts a ON a.id = l.account_id
     WHERE l.org_id = ${orgId} AND l.relationship = 'self' AND l.removed_at IS NULL`.execute(db);
  const byPhone = (phone: string) =>
    self.rows.find((p) => p.phone_bidx === deps.crypto.blindIndex('phone', phone));
  const plans = [
    { who: byPhone(WELL_KNOWN_PHONES.zhangWei), email: 'doctor2@demo.careloop.cn', days: 3 },
    { who: byPhone(WELL_KNOWN_PHONES.wangFang), email: DEMO_DOCTOR_EMAIL, days: 7 },
  ];
  for (const plan of plans) {
    if (!plan.who) continue;
    const slot = await sql<{
      id: string;
      session_id: string;
      doctor_account_id: string;
      starts_at: Date;
      date: string;
    }>`
      SELECT sl.id, sl.session_id, sl.doctor_account_id, sl.starts_at, s.date::text AS date
        FROM slots sl JOIN schedule_sessions s ON s.id = sl.session_id JOIN accounts a ON a.id = sl.doctor_account_id
       WHERE sl.org_id = ${orgId} AND a.email = ${plan.email} AND s.date >= ${today}::date + ${plan.days}::int
         AND s.mode = 'in_person' AND sl.booked = 0
       ORDER BY sl.starts_at OFFSET 2 LIMIT 1`.execute(db);
    const s = slot.rows[0];
    if (!s) continue;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('slots').set({ booked: 1 }).where('id', '=', s.id).execute();
      await tx
        .insertInto('appointments')
        .values({
          id: uuidv7(),
          org_id: orgId,
          patient_id: plan.who!.patient_id,
          slot_id: s.id,
          session_id: s.session_id,
          doctor_account_id: s.doctor_account_id,
          visit_date: s.date,
          starts_at: s.starts_at,
          status: 'booked',
          booked_by: plan.who!.account_id,
          basis: 'own',
          care_until: sql<Date>`((${s.date}::date + 1)::timestamp AT TIME ZONE (SELECT time_zone FROM orgs WHERE id = ${orgId}))`,
        })
        .execute();
    });
  }
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The partner hospital's doctors hold weekday morning clinics, so a referral's receiver there can book the referred
 * patient into a real slot.
 */
async function seedPartnerClinics(deps: AppDeps): Promise<void> {
  const { db } = deps;
  const partner = await db
    .selectFrom('orgs')
    .select('id')
    .where('code', '=', PARTNER_ORG.code)
    .executeTakeFirst();
  if (!partner) return;
  if (
    await db.selectFrom('schedule_templates').select('id').where('org_id', '=', partner.id).executeTakeFirst()
  )
    return;
  const doctors = await db
    .selectFrom('memberships')
    .select(['account_id', 'department_id', 'title'])
    .where('org_id', '=', partner.id)
    .where(sql<boolean>`'doctor' = ANY (roles)`)
    .execute();
  if (doctors.length === 0) return;
  const { today } = (
    await sql<{
      today: string;
    }>`SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM orgs WHERE id = ${partner.id}`.execute(
      db,
    )
  ).rows[0]!;
  await db
    .insertInto('schedule_templates')
    .values(
      doctors.flatMap((d) =>
        [1, 2, 3, 4, 5].map((weekday) => ({
          id: uuidv7(),
          org_id: partner.id,
          doctor_account_id: d.account_id,
          department_id: d.department_id,
          fee_fen: feeOf(d.title),
          valid_from: today,
          valid_until: null,
          created_by: d.account_id,
          weekday,
          start_time: '08:30',
          end_time: '11:30',
          slot_minutes: SLOT_MINUTES,
          capacity: 1,
          mode: 'in_person' as const,
        })),
      ),
    )
    .execute();
}
