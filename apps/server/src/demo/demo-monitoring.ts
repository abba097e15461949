// Demo home monitoring: every patient with home BP readings gets a BP monitor and a monitoring plan; 张伟, newly
// diagnosed with diabetes, wears a CGM for 14 days (with a low one night and high evenings: TIR, GMI and an AGP
// to look at); two patients of the demo doctor send worrying readings today. Recent readings go through the real
// ingest, so the alerts, notifications and the board are what the rules make of them.
import { sql } from 'kysely';
import type { ReadingInput } from '@careloop/contracts';
import type { AppDeps } from '../platform/deps.ts';
import type { Logger } from '../platform/logging.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { hashToken, newToken } from '../platform/crypto/tokens.ts';
import { checkMissingData, ingestReadings, refreshMonitoringStatus } from '../modules/monitoring/index.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_ORG } from './demo-staff.ts';
import { DemoRandom } from './random.ts';

const DAY = 86_400_000;
const MIN = 60_000;

async function addDevice(deps: AppDeps, orgId: string, patientId: string, kind: 'bp-monitor' | 'cgm') {
  const id = uuidv7();
  const token = newToken('cld_');
  await deps.db
    .insertInto('devices')
    .values({
      id,
      org_id: orgId,
      patient_id: patientId,
      kind,
      model: kind === 'cgm' ? 'FreeStyle Libre 2' : 'Omron HEM-7136',
      serial: `${kind === 'cgm' ? 'CGM' : 'BP'}-${id.slice(-8).toUpperCase()}`,
      label: null,
      token_hash: hashToken(token),
      token_hint: token.slice(-4),
    })
    .execute();
  return id;
}

/** 14 days of CGM readings every 15 minutes: meals push glucose up, one night dips below 3.0 mmol/L. */
export function planCgm(now: Date, rng: DemoRandom): ReadingInput[] {
  const readings: ReadingInput[] = [];
  const start = now.getTime() - 14 * DAY;
  const lowNight = Math.floor(now.getTime() / DAY) * DAY - DAY + 19 * 60 * MIN; // 03:00 Beijing, last night
  for (let t = start; t <= now.getTime() - 5 * MIN; t += 15 * MIN) {
    const hourBeijing = (new Date(t).getUTCHours() + 8) % 24;
    const meal = [7.5, 12.5, 18.5].reduce((sum, m) => {
      const after = hourBeijing - m;
      return sum + (after >= 0 && after < 3 ? 4.2 * Math.sin((after / 3) * Math.PI) : 0);
    }, 0);
    let value = 6.4 + meal + (hourBeijing >= 18 ? 1.2 : 0) + (rng.next() - 0.5) * 0.8;
    const sinceLow = t - lowNight;
    if (sinceLow >= -45 * MIN && sinceLow <= 45 * MIN) value = 2.7 + (Math.abs(sinceLow) / (45 * MIN)) * 1.5;
    readings.push({
      id: `cgm-${t}`,
      type: 'glucose',
      context: 'cgm',
      takenAt: new Date(t).toISOString(),
      value: Math.round(value * 10) / 10,
      unit: 'mmol/L',
    });
  }
  return readings;
}

export async function seedDemoMonitoring(deps: AppDeps, log: Logger): Promise<void> {
  const started = performance.now();
  const { db } = deps;
  const org = await db.selectFrom('orgs').select('id').where('code', '=', DEMO_ORG.code).executeTakeFirst();
  if (!org) return;
  if (await db.selectFrom('devices').select('id').where('org_id', '=', org.id).executeTakeFirst()) return;
  const now = new Date();
  const rng = new DemoRandom(20_261_124);

  // Patients measuring BP at home at least weekly over the last month are on a BP plan.
  const bpPatients = await sql<{ patient_id: string; last: Date; n: number }>`
    SELECT patient_id, max(effective_at) AS last, count(*)::int AS n FROM observations
     WHERE org_id = ${org.id} AND code = '8480-6' AND dedupe_key LIKE 'rd:%'
       AND effective_at > now() - interval '30 days'
     GROUP BY patient_id HAVING count(*) >= 4`.execute(db);
  for (const p of bpPatients.rows) {
    await addDevice(deps, org.id, p.patient_id, 'bp-monitor');
    await db
      .insertInto('monitoring_plans')
      .values({
        patient_id: p.patient_id,
        org_id: org.id,
        metrics: ['systolic'],
        reminders: JSON.stringify([{ type: 'blood-pressure', times: ['07:00', '19:00'] }]),
        started_at: new Date(now.getTime() - 60 * DAY),
      })
      .execute();
  }
  // Every patient with home readings gets a board row.
  const withReadings = await sql<{ patient_id: string; code: string; last: Date }>`
    SELECT patient_id, code, max(effective_at) AS last FROM observations
     WHERE org_id = ${org.id} AND dedupe_key LIKE 'rd:%' GROUP BY patient_id, code`.execute(db);
  const lastByPatient = new Map<string, Record<string, string>>();
  const TYPE: Record<string, string> = {
    '8480-6': 'blood-pressure',
    '29463-7': 'weight',
    '8867-4': 'heart-rate',
  };
  for (const r of withReadings.rows) {
    const type = TYPE[r.code];
    if (!type) continue;
    const entry = lastByPatient.get(r.patient_id) ?? {};
    entry[type] = r.last.toISOString();
    lastByPatient.set(r.patient_id, entry);
  }
  for (const [patientId, lastByType] of lastByPatient) {
    await db
      .transaction()
      .execute((tx) =>
        refreshMonitoringStatus(tx, { orgId: org.id, patientId, lastByType, recompute: true }),
      );
  }

  // 张伟: a CGM for two weeks, and glucose on his plan.
  const zhang = await sql<{ patient_id: string }>`
    SELECT l.patient_id FROM patient_links l JOIN accounts a ON a.id = l.account_id
     WHERE a.phone_bidx = ${deps.crypto.blindIndex('phone', WELL_KNOWN_PHONES.zhangWei)}
       AND l.relationship = 'self' AND l.removed_at IS NULL`.execute(db);
  const zhangId = zhang.rows[0]?.patient_id;
  if (zhangId) {
    const cgm = await addDevice(deps, org.id, zhangId, 'cgm');
    await db
      .insertInto('monitoring_plans')
      .values({
        patient_id: zhangId,
        org_id: org.id,
        metrics: ['systolic', 'glucose'],
        reminders: JSON.stringify([
          { type: 'blood-pressure', times: ['07:00', '19:00'] },
          { type: 'glucose', times: ['07:00'] },
        ]),
        note: '新诊断2型糖尿病，佩戴动态血糖仪14天 / New type 2 diabetes: 14-day CGM',
        started_at: new Date(now.getTime() - 14 * DAY),
      })
      .onConflict((oc) =>
        oc.column('patient_id').doUpdateSet({
          metrics: ['systolic', 'glucose'],
          reminders: JSON.stringify([
            { type: 'blood-pressure', times: ['07:00', '19:00'] },
            { type: 'glucose', times: ['07:00'] },
          ]),
        }),
      )
      .execute();
    const readings = planCgm(now, rng);
    for (let i = 0; i < readings.length; i += 1000) {
      await ingestReadings(deps, {
        orgId: org.id,
        patientId: zhangId,
        deviceId: cgm,
        source: 'device',
        recordedBy: null,
        readings: readings.slice(i, i + 1000),
        ctx: null,
      });
    }
  }

  // Two of the demo doctor's hypertensive patients: three high readings in a row, and one urgent reading today.
  const panel = await sql<{ patient_id: string }>`
    SELECT c.patient_id FROM care_team c JOIN accounts a ON a.id = c.staff_account_id
     WHERE a.email = ${DEMO_DOCTOR_EMAIL} AND c.removed_at IS NULL
       AND c.patient_id = ANY (${bpPatients.rows.map((p) => p.patient_id)}::uuid[])
       AND c.patient_id <> ${zhangId ?? '00000000-0000-0000-0000-000000000000'}
     ORDER BY c.patient_id LIMIT 2`.execute(db);
  const [rising, urgent] = panel.rows.map((r) => r.patient_id);
  const bp = (patientId: string, points: [number, number, number, number][]) =>
    ingestReadings(deps, {
      orgId: org.id,
      patientId,
      deviceId: null,
      source: 'self',
      scope: 'app',
      recordedBy: null,
      ctx: null,
      readings: points.map(([minutesAgo, systolic, diastolic, pulse]) => ({
        id: `demo-${patientId.slice(-6)}-${minutesAgo}`,
        type: 'blood-pressure',
        takenAt: new Date(now.getTime() - minutesAgo * MIN).toISOString(),
        systolic,
        diastolic,
        pulse,
      })),
    });
  if (rising) {
    await bp(rising, [
      [2 * 1440 + 60, 142, 91, 76],
      [1440 + 50, 146, 92, 78],
      [90, 149, 94, 80],
    ]);
  }
  if (urgent) await bp(urgent, [[45, 186, 114, 92]]);
  const missing = await checkMissingData(deps, now);
  log.info(
    { plans: bpPatients.rows.length, missingData: missing, ms: Math.round(performance.now() - started) },
    'demo monitoring created',
  );
}
