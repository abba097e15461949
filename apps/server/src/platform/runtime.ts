import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { FieldCrypto } from './crypto/field-crypto.ts';
import { SessionStore } from './auth/session-store.ts';
import { RecordingMessenger } from './notify/messenger.ts';
import { JobRunner } from './jobs/jobs.ts';
import type { AppDeps } from './deps.ts';
import type { Logger } from './logging.ts';
import { auditSealJob } from './audit/audit-seal.job.ts';
import { sweepJob } from './maintenance/sweep.job.ts';
import { checkupImportJob } from '../modules/checkups/index.ts';
import {
  alertEscalationJob,
  measurementRemindersJob,
  missingDataJob,
  monitoringImportJob,
} from '../modules/monitoring/index.ts';
import { notificationJobs } from '../modules/notifications/index.ts';
import {
  callRingTimeoutJob,
  consultationExpiryJob,
  unreadNoticeJob,
} from '../modules/consultations/index.ts';
import { triageRetrainJob } from '../modules/triage/index.ts';
import { schedulingJobs } from '../modules/scheduling/index.ts';
import { referralsJobs } from '../modules/referrals/index.ts';
import { medicationJobs } from '../modules/medication/index.ts';
import { createFileStore } from './files/index.ts';
import { RecordingRealtime, type Realtime } from './realtime/realtime.ts';
import { SocketRealtime } from './realtime/socket-realtime.ts';

/** The app's dependencies over an open database: the same wiring for the server, the tests and the benchmarks. */
export function createDeps(
  config: Config,
  database: DatabaseHandle,
  jobs: () => JobRunner | null = () => null,
  realtime: Realtime = new RecordingRealtime(),
): AppDeps {
  const crypto = new FieldCrypto(config.fieldKeys, config.activeFieldKeyId, config.blindIndexKey);
  return {
    config,
    db: database.db,
    pool: database.pool,
    crypto,
    // The cache answers only once a server process starts it (openRuntime): tests built on these deps read every
    // session from the database unless they start it themselves.
    sessions: new SessionStore(
      database.db,
      database.pool,
      config.sessionTtlHours,
      config.sessionCacheSeconds,
    ),
    messenger: new RecordingMessenger(crypto),
    files: createFileStore(config),
    realtime,
    get jobs() {
      return jobs();
    },
  };
}

export interface Runtime {
  deps: AppDeps;
  database: DatabaseHandle;
  /** Also `deps.realtime`: main.ts serves its sockets on the HTTP server (see serveRealtime). */
  realtime: SocketRealtime;
  close(): Promise<void>;
}

/**
 * Opens everything the app depends on, in order: database (embedded when no URL), migrations, realtime (linked to
 * the other processes through Redis or PostgreSQL, so every role can publish), jobs.
 */
export async function openRuntime(
  config: Config,
  log: Logger,
  options: { jobs?: boolean } = {},
): Promise<Runtime> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    log.info('DATABASE_URL is not set: starting the embedded PostgreSQL under %s', config.dataDir);
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    url = embedded.url;
  }
  const database = openDatabase(url);
  const migrations = await migrate(database.pool);
  if (migrations.applied.length) log.info({ applied: migrations.applied }, 'database migrated');

  const realtime = new SocketRealtime({
    redisUrl: config.redisUrl,
    databaseUrl: url,
    allowedOrigins: [config.publicUrl],
    log,
  });
  let jobs: JobRunner | null = null;
  const deps = createDeps(config, database, () => jobs, realtime);
  await deps.sessions.startCache((error) => log.warn({ err: error }, 'session cache signal connection lost'));
  if (options.jobs !== false) {
    jobs = new JobRunner(url, log);
    jobs.register(auditSealJob(deps));
    jobs.register(sweepJob(deps));
    jobs.register(checkupImportJob(deps));
    jobs.register(monitoringImportJob(deps));
    jobs.register(alertEscalationJob(deps));
    jobs.register(missingDataJob(deps));
    jobs.register(measurementRemindersJob(deps));
    for (const job of notificationJobs(deps)) jobs.register(job);
    jobs.register(consultationExpiryJob(deps));
    jobs.register(unreadNoticeJob(deps));
    jobs.register(callRingTimeoutJob(deps));
    jobs.register(triageRetrainJob(deps));
    for (const job of schedulingJobs(deps)) jobs.register(job);
    for (const job of referralsJobs(deps)) jobs.register(job);
    for (const job of medicationJobs(deps)) jobs.register(job);
    await jobs.start({ work: config.role !== 'api' });
  }
  return {
    deps,
    database,
    realtime,
    async close() {
      await jobs?.stop();
      await deps.sessions.stopCache();
      await realtime.close();
      await database.close();
      await embedded?.stop();
    },
  };
}
