// The demo medication story of 张伟 (hypertension, rising glucose): four weeks ago the demo doctor prescribed
// amlodipine once daily and metformin twice daily (long-term); the pharmacist approved it, he ordered it for
// delivery, paid, the pharmacy dispensed and shipped it, the courier delivered it, and since then he has marked
// most doses (a few late, skipped or missed), which gives the adherence the app and the console show. A second,
// newer prescription (atorvastatin at night) is approved and not ordered yet: the demo journey orders it.
// Rows are written as those flows leave them (the same tables, statuses and timestamps).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../platform/deps.ts';
import type { Executor } from '../platform/db/database.ts';
import type { Logger } from '../platform/logging.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { schedulesRepository } from '../modules/medication/index.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_ORG } from './demo-staff.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DemoRandom } from './random.ts';

const DAY = 86_400_000;
const HISTORY_DAYS = 28;

interface Item {
  code: string;
  frequency: 'qd' | 'bid' | 'qn';
  dose: number;
  unit: 'mg';
  quantity: number;
  instructions: string;
}

const FIRST: Item[] = [
  {
    code: 'amlodipine-5mg-tab',
    frequency: 'qd',
    dose: 5,
    unit: 'mg',
    quantity: 4,
    instructions: '早餐后服用',
  },
  {
    code: 'metformin-500mg-tab',
    frequency: 'bid',
    dose: 500,
    unit: 'mg',
    quantity: 2,
    instructions: '随餐服用',
  },
];
const SECOND: Item[] = [
  {
    code: 'atorvastatin-20mg-tab',
    frequency: 'qn',
    dose: 20,
    unit: 'mg',
    quantity: 4,
    instructions: '睡前服用',
  },
];

export async function seedDemoMedication(deps: AppDeps, log: Logger): Promise<void> {
  const { db } = deps;
  const done = await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('demo-medication'))`.execute(tx);
    const org = await tx
      .selectFrom('orgs')
      .select(['id', 'time_zone'])
      .where('code', '=', DEMO_ORG.code)
      .executeTakeFirst();
    const zhangWei = org
      ? await tx
          .selectFrom('patient_links as l')
          .innerJoin('accounts as a', 'a.id', 'l.account_id')
          .select(['l.patient_id', 'a.id as account_id'])
          .where('l.relationship', '=', 'self')
          .where('l.removed_at', 'is', null)
          .where('a.phone_bidx', '=', deps.crypto.blindIndex('phone', WELL_KNOWN_PHONES.zhangWei))
          .executeTakeFirst()
      : undefined;
    const doctor = await tx
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', DEMO_DOCTOR_EMAIL)
      .executeTakeFirst();
    const pharmacist = await tx
      .selectFrom('memberships')
      .select('account_id')
      .where('org_id', '=', org?.id ?? '')
      .where(sql<boolean>`'pharmacist' = ANY (roles)`)
      .executeTakeFirst();
    if (!org || !zhangWei || !doctor || !pharmacist) return false;
    if (
      await tx
        .selectFrom('medication_orders')
        .select('id')
        .where('patient_id', '=', zhangWei.patient_id)
        .executeTakeFirst()
    )
      return false;
    const drugs = await tx
      .selectFrom('formulary_drugs')
      .select(['id', 'code', 'generic_zh', 'generic_en', 'price_cents'])
      .where('org_id', '=', org.id)
      .where(
        'code',
        'in',
        [...FIRST, ...SECOND].map((i) => i.code),
      )
      .execute();
    if (drugs.length < 3) return false;
    const now = Date.now();
    const ids = {
      patientId: zhangWei.patient_id,
      orgId: org.id,
      doctorId: doctor.id,
      pharmacistId: pharmacist.account_id,
    };
    const first = await prescribe(
      tx,
      ids,
      drugs,
      FIRST,
      new Date(now - (HISTORY_DAYS + 2) * DAY),
      '高血压 I10；空腹血糖受损',
    );
    await prescribe(tx, ids, drugs, SECOND, new Date(now - DAY), '血脂异常');
    await deliveredOrder(deps, tx, ids, zhangWei.account_id, first, drugs, now);
    return true;
  });
  if (done) log.info('demo medication history seeded');
}

type Drug = { id: string; code: string; generic_zh: string; generic_en: string; price_cents: number };
type Ids = { patientId: string; orgId: string; doctorId: string; pharmacistId: string };

/** A signed, approved prescription (content hash over its canonical content, as signing computes it). */
async function prescribe(
  tx: Executor,
  ids: Ids,
  drugs: Drug[],
  items: Item[],
  signedAt: Date,
  diagnosis: string,
) {
  const id = uuidv7();
  const itemIds = items.map(() => uuidv7());
  const hash = createHash('sha256').update(JSON.stringify({ id, diagnosis, items })).digest('hex');
  await tx
    .insertInto('prescriptions')
    .values({
      id,
      org_id: ids.orgId,
      patient_id: ids.patientId,
      prescriber_account_id: ids.doctorId,
      status: 'approved',
      diagnosis,
      content_hash: hash,
      signed_at: signedAt,
      reviewed_by: ids.pharmacistId,
      reviewed_at: new Date(signedAt.getTime() + 3_600_000),
      long_term: true,
    })
    .execute();
  await tx
    .insertInto('prescription_items')
    .values(
      items.map((item, position) => {
        const drug = drugs.find((d) => d.code === item.code)!;
        return {
          id: itemIds[position]!,
          prescription_id: id,
          org_id: ids.orgId,
          drug_id: drug.id,
          drug_code: drug.code,
          drug_name_zh: drug.generic_zh,
          drug_name_en: drug.generic_en,
          dose_value: item.dose,
          dose_unit: item.unit,
          frequency: item.frequency,
          route: 'oral',
          duration_days: null,
          quantity: item.quantity,
          instructions: item.instructions,
          findings: '[]',
          override_reason: null,
          position,
        };
      }),
    )
    .execute();
  return { id, itemIds, items };
}

/** The first prescription's order, delivered four weeks ago, its schedules and four weeks of marked doses. */
async function deliveredOrder(
  deps: AppDeps,
  tx: Executor,
  ids: Ids,
  accountId: string,
  rx: { id: string; itemIds: string[]; items: Item[] },
  drugs: Drug[],
  now: number,
) {
  const at = (daysAgo: number, hours = 0) => new Date(now - daysAgo * DAY + hours * 3_600_000);
  const orderId = uuidv7();
  const lines = rx.items.map((item, i) => {
    const drug = drugs.find((d) => d.code === item.code)!;
    return {
      id: uuidv7(),
      prescription_item_id: rx.itemIds[i]!,
      drug_id: drug.id,
      quantity: item.quantity,
      unit_price_cents: drug.price_cents,
    };
  });
  const amount = lines.reduce((s, l) => s + l.quantity * l.unit_price_cents, 0);
  const address = {
    recipient: '张伟',
    phone: WELL_KNOWN_PHONES.zhangWei,
    address: '上海市徐汇区漕溪北路 88 号 3 号楼 1201 室',
  };
  await tx
    .insertInto('patient_addresses')
    .values({
      id: uuidv7(),
      org_id: ids.orgId,
      patient_id: ids.patientId,
      label: '家',
      recipient_enc: deps.crypto.encrypt(address.recipient),
      phone_enc: deps.crypto.encrypt(address.phone),
      address_enc: deps.crypto.encrypt(address.address),
      is_default: true,
    })
    .execute();
  const start = HISTORY_DAYS + 1;
  await tx
    .insertInto('medication_orders')
    .values({
      id: orderId,
      org_id: ids.orgId,
      patient_id: ids.patientId,
      prescription_id: rx.id,
      placed_by: accountId,
      fulfilment: 'delivery',
      address_enc: deps.crypto.encryptJson(address),
      amount_cents: amount,
      status: 'delivered',
      created_at: at(start + 1, 2),
      paid_at: at(start + 1, 2.1),
      dispensed_at: at(start + 1, 4),
      dispensed_by: ids.pharmacistId,
      shipped_at: at(start + 1, 5),
      delivered_at: at(start, -2),
      version: 5,
    })
    .execute();
  await tx
    .insertInto('medication_order_items')
    .values(lines.map((l) => ({ ...l, order_id: orderId, org_id: ids.orgId })))
    .execute();
  // Stock went out with the order (what dispensing did).
  for (const l of lines) {
    await sql`UPDATE pharmacy_stock SET on_hand = GREATEST(on_hand - ${l.quantity}, reserved) WHERE org_id = ${ids.orgId} AND drug_id = ${l.drug_id}`.execute(
      tx,
    );
  }
  await tx
    .insertInto('medication_payments')
    .values({
      id: uuidv7(),
      order_id: orderId,
      org_id: ids.orgId,
      provider: 'dev',
      provider_ref: `dev_demo_${orderId.replaceAll('-', '')}`,
      amount_cents: amount,
      status: 'succeeded',
      callbacks: 1,
      succeeded_at: at(start + 1, 2.1),
    })
    .execute();
  const shipmentId = uuidv7();
  const trackingNo = `CL${String(now).slice(-8)}0001`;
  await tx
    .insertInto('medication_shipments')
    .values({
      id: shipmentId,
      order_id: orderId,
      org_id: ids.orgId,
      courier: 'dev',
      tracking_no: trackingNo,
      status: 'delivered',
    })
    .execute();
  await tx
    .insertInto('medication_shipment_events')
    .values(
      (
        [
          ['booked', 'shipped', null, at(start + 1, 5)],
          ['scan-1', 'in_transit', '上海转运中心', at(start + 1, 9)],
          ['scan-2', 'out_for_delivery', '徐汇营业部', at(start, -5)],
          ['scan-3', 'delivered', '徐汇营业部', at(start, -2)],
        ] as const
      ).map(([event_id, status, location, occurred_at]) => ({
        id: uuidv7(),
        shipment_id: shipmentId,
        org_id: ids.orgId,
        event_id,
        status,
        description: null,
        location,
        occurred_at,
      })),
    )
    .execute();

  // Schedules from the delivery day, and their doses from then until tomorrow.
  const timeZone = await schedulesRepository.orgTimeZone(tx, ids.orgId);
  const today = await schedulesRepository.localToday(tx, timeZone, new Date(now));
  const startDate = new Date(Date.parse(`${today}T00:00:00Z`) - HISTORY_DAYS * DAY)
    .toISOString()
    .slice(0, 10);
  const scheduleIds: string[] = [];
  for (const [i, item] of rx.items.entries()) {
    const id = uuidv7();
    scheduleIds.push(id);
    await tx
      .insertInto('medication_schedules')
      .values({
        id,
        org_id: ids.orgId,
        patient_id: ids.patientId,
        prescription_item_id: rx.itemIds[i]!,
        order_id: orderId,
        frequency: item.frequency,
        times: item.frequency === 'bid' ? ['08:00', '20:00'] : ['08:00'],
        time_zone: timeZone,
        start_date: startDate,
        end_date: null,
      })
      .execute();
  }
  await schedulesRepository.generateDoses(tx, {
    asOf: new Date(now),
    fromDay: -HISTORY_DAYS,
    toDay: 1,
    scheduleIds,
  });
  // Past doses as he marked them: mostly on time, some late, a few skipped (with a reason) or missed, more often in
  // the evening; the ones due in the last two hours and later stay pending for today's list.
  const rng = new DemoRandom(20_260_915);
  const past = await tx
    .selectFrom('dose_events')
    .select(['id', 'due_at'])
    .where('schedule_id', 'in', scheduleIds)
    .where('due_at', '<', new Date(now - 2 * 3_600_000))
    .execute();
  for (const dose of past) {
    const evening = dose.due_at.getUTCHours() >= 10;
    const r = rng.next();
    const missedShare = evening ? 0.12 : 0.05;
    let change: {
      status: 'taken' | 'late' | 'skipped' | 'missed';
      reason: string | null;
      recorded_at: Date | null;
    };
    // The sweeper calls a dose missed 12 hours after its time; a more recent unanswered one is still pending.
    if (r < missedShare && now - dose.due_at.getTime() < 12 * 3_600_000) continue;
    if (r < missedShare) change = { status: 'missed', reason: null, recorded_at: null };
    else if (r < missedShare + 0.04)
      change = {
        status: 'skipped',
        reason: 'forgot',
        recorded_at: new Date(dose.due_at.getTime() + 3_600_000),
      };
    else if (r < missedShare + 0.12)
      change = { status: 'late', reason: null, recorded_at: new Date(dose.due_at.getTime() + 3 * 3_600_000) };
    else
      change = {
        status: 'taken',
        reason: null,
        recorded_at: new Date(dose.due_at.getTime() + rng.int(0, 50) * 60_000),
      };
    await tx
      .updateTable('dose_events')
      .set({ ...change, recorded_by: change.recorded_at ? accountId : null, reminded_at: dose.due_at })
      .where('id', '=', dose.id)
      .execute();
  }
}
