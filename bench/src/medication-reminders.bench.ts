import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { schedulesRepository } from '../../apps/server/src/modules/medication/index.ts';
import { createBenchDatabase } from './database.ts';
import { machine, writeResult } from './results.ts';

const PRESCRIPTIONS = Number(process.env.BENCH_PRESCRIPTIONS ?? 100_000);
const PATIENTS = Math.ceil(PRESCRIPTIONS / 4);
const AIM_SECONDS = 60;

/**
 * Reminder generation (issue 7): the time to lay out one day's doses for 100,000 active prescriptions (one
 * schedule each, a realistic mix of qd / bid / tid / qn / qw), the set-based statement the six-hourly job runs,
 * beside a raw PostgreSQL INSERT ... SELECT of the same number of rows into a table of the same shape and indexes
 * in the same run.
 */
export async function runMedicationReminders(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const database = await createBenchDatabase(process.env);
  const handle = openDatabase(database.url, { max: 4 });
  try {
    await migrate(handle.pool);
    const db = handle.db;
    process.stdout.write(`seeding ${PRESCRIPTIONS} prescriptions for ${PATIENTS} patients...\n`);
    const seedStart = performance.now();
    await seed(handle.pool);
    await sql`VACUUM ANALYZE`.execute(db);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const asOf = new Date();
    const t0 = performance.now();
    const created = await schedulesRepository.generateDoses(db, { asOf, fromDay: 1, toDay: 1 });
    const generateSeconds = (performance.now() - t0) / 1000;
    const again0 = performance.now();
    const repeated = await schedulesRepository.generateDoses(db, { asOf, fromDay: 1, toDay: 1 });
    const repeatSeconds = (performance.now() - again0) / 1000;
    if (repeated !== 0) throw new Error(`a second run made ${repeated} rows`);

    // Baseline: the same number of rows, inserted raw into a table like dose_events (same columns, defaults,
    // unique and secondary indexes, no foreign keys), from generate_series.
    await sql`CREATE TABLE dose_events_baseline (LIKE dose_events INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)`.execute(
      db,
    );
    const ids = await sql<{ org_id: string; patient_id: string; schedule_id: string }>`
      SELECT org_id, patient_id, id AS schedule_id FROM medication_schedules LIMIT 1`.execute(db);
    const one = ids.rows[0]!;
    const b0 = performance.now();
    const baseline = await sql`
      INSERT INTO dose_events_baseline (org_id, patient_id, schedule_id, due_at)
      SELECT ${one.org_id}::uuid, ${one.patient_id}::uuid, ${one.schedule_id}::uuid,
             ${asOf.toISOString()}::timestamptz + make_interval(secs => g)
        FROM generate_series(1, ${created}::int) AS g`.execute(db);
    const baselineSeconds = (performance.now() - b0) / 1000;

    const result = {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      prescriptions: PRESCRIPTIONS,
      patients: PATIENTS,
      seedSeconds: round(seedSeconds),
      doseRowsMade: created,
      generateSeconds: round(generateSeconds),
      rowsPerSecond: Math.round(created / generateSeconds),
      secondRunSeconds: round(repeatSeconds),
      baselineRawInsertRows: Number(baseline.numAffectedRows ?? 0),
      baselineRawInsertSeconds: round(baselineSeconds),
      ratioToBaseline: round(generateSeconds / baselineSeconds),
      aimSeconds: AIM_SECONDS,
      metAim: generateSeconds < AIM_SECONDS,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`written to ${await writeResult('medication-reminders', result)}\n`);
  } finally {
    await handle.close();
    await database.drop();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** One org, patients with four long-term prescriptions each, one item and one active schedule per prescription. */
async function seed(pool: ReturnType<typeof openDatabase>['pool']) {
  // Whole numbers only are spliced into the text (the counts above); several statements need the simple protocol.
  const client = await pool.connect();
  try {
    await client.query(`
      INSERT INTO orgs (id, code, name_zh, name_en) VALUES (uuid_v7(), 'bench', '基准医院', 'Bench Hospital');
      INSERT INTO accounts (id, kind, display_name, email) SELECT uuid_v7(), 'staff', 'Dr Bench', 'bench@bench.careloop.cn';
      INSERT INTO formulary_drugs (id, org_id, code, generic_zh, generic_en, ingredients, atc, form, strength_value,
                                   strength_unit, route, package_size, package_unit, price_cents, source, name_search)
      SELECT uuid_v7(), o.id, 'amlodipine-5mg-tab', '苯磺酸氨氯地平片', 'Amlodipine', ARRAY['amlodipine'], 'C08CA01',
             'tablet', 5, 'mg', 'oral', 7, '片', 3100, 'label', 'amlodipine' FROM orgs o;
      INSERT INTO patients (id, org_id, mrn, name, name_search, sex, birth_date)
      SELECT uuid_v7(), o.id, 'B' || g, '患者' || g, 'huanzhe' || g, 'female', date '1960-01-01' + g % 9000
        FROM orgs o, generate_series(1, ${PATIENTS}) g;`);
    // Items are accepted only in the transaction that signed their prescription (the immutability trigger).
    await client.query(`BEGIN;
      CREATE TEMP TABLE bench_rx ON COMMIT DROP AS
      SELECT uuid_v7() AS id, uuid_v7() AS item_id, p.id AS patient_id, p.org_id, k,
             (ARRAY['qd','qd','qd','qd','qd','bid','bid','bid','tid','qn','qw'])[1 + (abs(hashtext(p.id::text || k)) % 11)] AS frequency
        FROM patients p, generate_series(1, 4) k
       LIMIT ${PRESCRIPTIONS};
      INSERT INTO prescriptions (id, org_id, patient_id, prescriber_account_id, status, content_hash, signed_at,
                                 reviewed_at, long_term)
      SELECT r.id, r.org_id, r.patient_id, a.id, 'approved', repeat('0', 64), now(), now(), true
        FROM bench_rx r, (SELECT id FROM accounts LIMIT 1) a;
      INSERT INTO prescription_items (id, prescription_id, org_id, drug_id, drug_code, drug_name_zh, drug_name_en,
                                      dose_value, dose_unit, frequency, route, quantity, position)
      SELECT r.item_id, r.id, r.org_id, d.id, d.code, d.generic_zh, d.generic_en, 5, 'mg', r.frequency, 'oral', 1, 0
        FROM bench_rx r, formulary_drugs d;
      INSERT INTO medication_schedules (id, org_id, patient_id, prescription_item_id, frequency, times, time_zone,
                                        start_date)
      SELECT uuid_v7(), r.org_id, r.patient_id, r.item_id, r.frequency,
             CASE r.frequency WHEN 'qd' THEN ARRAY['08:00'] WHEN 'bid' THEN ARRAY['08:00','20:00']
                              WHEN 'tid' THEN ARRAY['08:00','12:00','18:00'] WHEN 'qn' THEN ARRAY['21:00']
                              ELSE ARRAY['08:00'] END,
             'Asia/Shanghai', current_date - (abs(hashtext(r.id::text)) % 60)
        FROM bench_rx r;
      COMMIT;`);
  } finally {
    client.release();
  }
}
