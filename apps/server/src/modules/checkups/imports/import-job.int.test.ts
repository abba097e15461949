import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.ts';
import { createDeps } from '../../../platform/runtime.ts';
import { JobRunner } from '../../../platform/jobs/jobs.ts';
import {
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import { checkupImportJob } from '../index.ts';
import { personRows, residentId, startImport, templateCsv, waitForImport } from '../checkups.testing.ts';

// The other import tests run jobs in the app's process; this one runs the app as a server does: the upload enqueues a
// pg-boss job in its transaction and a worker picks it up.
let t: TestApp;
let app: FastifyInstance;
let runner: JobRunner;
let manager: Client;

beforeAll(async () => {
  t = await createTestApp();
  runner = new JobRunner(t.databaseUrl, pino({ level: 'silent' }));
  const deps = createDeps(t.deps.config, t.database, () => runner);
  runner.register(checkupImportJob(deps));
  await runner.start({ work: true });
  app = await buildApp(deps, { logger: false });
  await app.ready();
  const orgId = await createOrg(t);
  manager = await signIn({ ...t, app, deps }, await createStaff(t, orgId, ['health_manager']));
});
afterAll(async () => {
  await app.close();
  await runner.stop();
  await t.close();
});

describe('a checkup import as a pg-boss job', () => {
  it('is queued with the upload and imported by the worker', async () => {
    const person = {
      name: '吴六',
      sex: 'female',
      birthDate: '1979-03-03',
      nationalId: residentId('1979-03-03', 'female', 4),
    } as const;
    const csv = templateCsv(
      personRows(person, { reportNo: 'JOB-1', date: '2025-04-04' }, [
        ['空腹血糖', '5.4', 'mmol/L', '3.9-6.1'],
        ['甘油三酯', '2.4', 'mmol/L', '<1.7', '↑'],
      ]),
    );
    const created = await startImport(manager, [{ name: 'job.csv', content: csv }]);
    expect(created.job.status).toBe('queued');
    const queued = await sql<{
      name: string;
      data: { jobId: string };
    }>`SELECT name, data FROM pgboss.job`.execute(t.deps.db);
    expect(queued.rows).toContainEqual({ name: 'checkups.import.v1', data: { jobId: created.job.id } });
    const { job } = await waitForImport(manager, created.job.id, 30_000);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 1, itemsStored: 2 });
  });
});
