import { z } from 'zod';

const DEMO_SECRET = 'careloop-demo-secret-do-not-use-in-production';
const DEMO_FIELD_KEY = 'k1:' + Buffer.alloc(32, 7).toString('base64');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(5544),
  SESSION_SECRET: z.string().min(32).default(DEMO_SECRET),
  FIELD_ENCRYPTION_KEYS: z.string().default(DEMO_FIELD_KEY),
  FIELD_ENCRYPTION_ACTIVE_KEY: z.string().optional(),
  BLIND_INDEX_KEY: z
    .string()
    .min(32)
    .default(DEMO_SECRET + '-blind-index'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  DEMO_DATA: bool.optional(),
  DEMO_PATIENTS: z.coerce.number().int().min(0).max(100_000).default(200),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(1200),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  SMTP_URL: z.string().optional(),
  SMS_PROVIDER: z.enum(['recording']).default('recording'),
  AUDIT_SEAL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly sessionSecret: string;
  readonly fieldKeys: ReadonlyMap<string, Buffer>;
  readonly activeFieldKeyId: string;
  readonly blindIndexKey: string;
  readonly sessionTtlHours: number;
  readonly demoData: boolean;
  readonly demoPatients: number;
  readonly rateLimitMax: number;
  readonly loginRateLimit: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly logLevel: string;
  readonly role: 'api' | 'worker' | 'all';
  readonly smtpUrl: string | undefined;
  readonly auditSealIntervalSeconds: number;
  /** Demo staff may skip MFA; never in production. */
  readonly demoMfaExempt: boolean;
}

export class ConfigError extends Error {}

function parseKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64) throw new ConfigError('FIELD_ENCRYPTION_KEYS must look like "keyId:base64key,..."');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`FIELD_ENCRYPTION_KEYS: key ${id} must be 32 bytes`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new ConfigError('FIELD_ENCRYPTION_KEYS is empty');
  return keys;
}

/** Parses the environment once at start; the result is passed into buildApp, never read at import time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const fieldKeys = parseKeys(e.FIELD_ENCRYPTION_KEYS);
  const activeFieldKeyId = e.FIELD_ENCRYPTION_ACTIVE_KEY ?? [...fieldKeys.keys()].at(-1)!;
  if (!fieldKeys.has(activeFieldKeyId)) throw new ConfigError('FIELD_ENCRYPTION_ACTIVE_KEY names no key');
  const demoData = e.DEMO_DATA ?? !production;

  if (production) {
    const problems: string[] = [];
    if (e.SESSION_SECRET === DEMO_SECRET) problems.push('SESSION_SECRET is the demo secret');
    if (e.FIELD_ENCRYPTION_KEYS === DEMO_FIELD_KEY) problems.push('FIELD_ENCRYPTION_KEYS is the demo key');
    if (e.BLIND_INDEX_KEY.startsWith(DEMO_SECRET)) problems.push('BLIND_INDEX_KEY is the demo key');
    if (demoData) problems.push('DEMO_DATA must be off in production');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL is required in production');
    if (problems.length) throw new ConfigError(`Refusing to start in production:\n${problems.join('\n')}`);
  }

  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    sessionSecret: e.SESSION_SECRET,
    fieldKeys,
    activeFieldKeyId,
    blindIndexKey: e.BLIND_INDEX_KEY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    demoData,
    demoPatients: e.DEMO_PATIENTS,
    rateLimitMax: e.RATE_LIMIT_MAX,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    logLevel: e.LOG_LEVEL,
    role: e.ROLE,
    smtpUrl: e.SMTP_URL,
    auditSealIntervalSeconds: e.AUDIT_SEAL_INTERVAL_SECONDS,
    demoMfaExempt: demoData && !production,
  });
}
