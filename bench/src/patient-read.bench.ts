import os from 'node:os';
import { createBenchDatabase } from './database.ts';
import { analyzeTables, registerPatients, signInDoctor, startRealServer, type Listening } from './setup.ts';
import { startDatabaseBaseline, startStaticBaseline } from './baselines.ts';
import { measure, type Measurement } from './measure.ts';
import { profileRequests } from './profile.ts';
import { buildReport, summarize, writeReport } from './report.ts';

const PATIENTS = 1_000;

/** Authenticated patient read of the real server beside two baselines, measured one after another. */
export async function runPatientRead(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const database = await createBenchDatabase(process.env);
  const open: Listening[] = [];
  try {
    const server = await startRealServer(database.url);
    open.push(server);
    const doctor = await signInDoctor(server);
    process.stdout.write(`registering ${PATIENTS} patients...\n`);
    const ids = await registerPatients(server.url, doctor, PATIENTS);
    await analyzeTables(server);
    const paths = ids.map((id) => `/api/v1/patients/${id}`);
    const headers = { cookie: doctor.cookie };

    const sample = await fetch(`${server.url}${paths[0]}`, { headers });
    if (!sample.ok) throw new Error(`the real route answered ${sample.status}: ${await sample.text()}`);
    const staticBaseline = await startStaticBaseline(await sample.json());
    open.push(staticBaseline);
    const databaseBaseline = await startDatabaseBaseline(database.url, doctor);
    open.push(databaseBaseline);

    const targets = [
      { name: 'baseline 1: static JSON', url: staticBaseline.url },
      { name: 'baseline 2: pg select + audit insert', url: databaseBaseline.url },
      { name: 'real route', url: server.url },
    ];
    const cases: Measurement[] = [];
    for (const target of targets) {
      process.stdout.write(`measuring ${target.name}...\n`);
      cases.push(await measure({ ...target, paths, headers }, database.url));
    }
    const profile = [
      await profileRequests('baseline 2', databaseBaseline, paths, headers),
      await profileRequests('real route', server, paths, headers),
    ];

    const report = buildReport({
      postgresVersion: database.postgresVersion,
      loadAverageAtStart,
      patients: PATIENTS,
      cases,
      profile,
    });
    const file = await writeReport(report);
    process.stdout.write(`\n${summarize(report)}\nwrote ${file}\n`);
  } finally {
    for (const server of open.reverse()) await server.close();
    await database.drop();
  }
}
