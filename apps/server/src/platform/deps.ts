import type { Config } from '../config.ts';
import type pg from 'pg';
import type { Db } from './db/database.ts';
import type { FieldCrypto } from './crypto/field-crypto.ts';
import type { SessionStore } from './auth/session-store.ts';
import type { Messenger } from './notify/messenger.ts';
import type { JobRunner } from './jobs/jobs.ts';
import type { FileStore } from './files/index.ts';
import type { Realtime } from './realtime/realtime.ts';

/** What the app is built from: passed into buildApp, so tests build exactly the app that runs. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  /** The pool behind `db`, for the few prepared statements on hot paths. */
  readonly pool: pg.Pool;
  readonly crypto: FieldCrypto;
  readonly sessions: SessionStore;
  readonly messenger: Messenger;
  readonly jobs: JobRunner | null;
  /** Documents and uploads: encrypted on local disk, or in an S3-compatible bucket when configured. */
  readonly files: FileStore;
  /** Pushes events to connected apps across server processes (Socket.IO). */
  readonly realtime: Realtime;
}
