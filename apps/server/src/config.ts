import { hkdfSync } from 'node:crypto';
import path from 'node:path';
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
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
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
  SMTP_FROM: z.string().min(3).default('CareLoop <no-reply@careloop.invalid>'),
  WECHAT_PROVIDER: z.enum(['recording']).default('recording'),
  // Pharmacy payments and courier: 'dev' is the recording transport that pays and delivers by itself (development,
  // the demo, a staging site); 'none' refuses to take money or ship. Production defaults to 'none'.
  PAYMENT_PROVIDER: z.enum(['dev', 'none']).optional(),
  COURIER_PROVIDER: z.enum(['dev', 'none']).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: address or an https:// URL')
    .optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  NOTIFY_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  AUDIT_SEAL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  FILES_DIR: z.string().optional(),
  FILE_ENCRYPTION_KEYS: z.string().optional(),
  FILE_ENCRYPTION_ACTIVE_KEY: z.string().optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_FORCE_PATH_STYLE: bool.optional(),
  S3_SERVER_SIDE_ENCRYPTION: z.enum(['AES256', 'aws:kms']).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|wss?|tcp):\/\//, 'must be an mqtt:// or mqtts:// URL')
    .optional(),
  MQTT_EMBEDDED_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  MQTT_ENABLED: bool.optional(),
  MQTT_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  MONITORING_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  CONSULT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  CONSULT_MESSAGE_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  ICE_SERVERS: z.string().optional(),
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().min(16).optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
});

/** WebRTC: STUN/TURN servers handed to the apps for calls. */
export interface CallsConfig {
  /** Static ICE servers (JSON array of RTCIceServer), e.g. a public STUN server. */
  readonly iceServers: readonly { urls: string | string[]; username?: string; credential?: string }[];
  /** A coturn server with `use-auth-secret`: its URLs and the shared secret for time-limited credentials. */
  readonly turn: {
    readonly urls: readonly string[];
    readonly secret: string;
    readonly ttlSeconds: number;
  } | null;
}

/** Online consultations: per-person message rate (a flood is refused with 429). */
export interface ConsultConfig {
  readonly messagesPerMinute: number;
  readonly messageBurst: number;
  readonly calls: CallsConfig;
}

const IceServersJson = z.array(
  z.object({
    urls: z.union([z.string().min(5), z.array(z.string().min(5)).min(1)]),
    username: z.string().optional(),
    credential: z.string().optional(),
  }),
);

function callsFrom(e: z.infer<typeof EnvSchema>): CallsConfig {
  let iceServers: CallsConfig['iceServers'] = [];
  if (e.ICE_SERVERS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(e.ICE_SERVERS);
    } catch {
      throw new ConfigError('ICE_SERVERS must be a JSON array of {urls, username?, credential?}');
    }
    const result = IceServersJson.safeParse(parsed);
    if (!result.success)
      throw new ConfigError('ICE_SERVERS must be a JSON array of {urls, username?, credential?}');
    iceServers = result.data.map((s) => ({
      urls: s.urls,
      ...(s.username !== undefined ? { username: s.username } : {}),
      ...(s.credential !== undefined ? { credential: s.credential } : {}),
    }));
  }
  const turnUrls = (e.TURN_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (turnUrls.some((u) => !/^turns?:/.test(u)))
    throw new ConfigError('TURN_URLS must be turn: or turns: URLs');
  if (turnUrls.length > 0 && !e.TURN_SECRET) throw new ConfigError('TURN_URLS needs TURN_SECRET');
  return {
    iceServers,
    turn:
      turnUrls.length > 0 && e.TURN_SECRET
        ? { urls: turnUrls, secret: e.TURN_SECRET, ttlSeconds: e.TURN_TTL_SECONDS }
        : null,
  };
}

/** An S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS) for documents; objects are encrypted first. */
export interface S3Config {
  readonly endpoint: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most self-hosted stores need it). */
  readonly forcePathStyle: boolean;
  /** Also ask the provider to encrypt at rest (x-amz-server-side-encryption). */
  readonly serverSideEncryption: 'AES256' | 'aws:kms' | null;
}

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
  /** How long a server process may answer a session from memory (0: never); changes signal every process at once. */
  readonly sessionCacheSeconds: number;
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
  /** Where the local file store keeps encrypted documents (unused when `s3` is set). */
  readonly filesDir: string;
  /** AES-256 master keys for stored files, by id; each file records the id of the key that wraps its data key. */
  readonly fileKeys: ReadonlyMap<string, Buffer>;
  readonly activeFileKeyId: string;
  readonly s3: S3Config | null;
  /** Demo staff may skip MFA; never in production. */
  readonly demoMfaExempt: boolean;
  /** Redis for the realtime adapter across processes; without it PostgreSQL LISTEN/NOTIFY carries the events. */
  readonly redisUrl: string | undefined;
  readonly mqtt: MqttConfig;
  /** Largest Apple Health export (or other monitoring import) accepted, in bytes. */
  readonly monitoringImportMaxBytes: number;
  readonly notify: NotifyConfig;
  readonly consult: ConsultConfig;
  /** Which payment provider and courier the pharmacy uses ('none': paying and shipping answer 503). */
  readonly fulfilment: { readonly payments: 'dev' | 'none'; readonly courier: 'dev' | 'none' };
}

/** Delivery of notifications beyond the in-app inbox (web push, email, SMS, WeChat). */
export interface NotifyConfig {
  /** The From of notification emails (SMTP_URL chooses the server). */
  readonly emailFrom: string;
  readonly smsProvider: 'recording';
  readonly wechatProvider: 'recording';
  /** Contact the push services may use (RFC 8292 `sub`): a mailto: address or an https URL. */
  readonly vapidSubject: string;
  /** Tries per delivery before it is recorded as failed for good. */
  readonly maxAttempts: number;
  /** First retry delay; pg-boss doubles it for each further try. */
  readonly retryDelaySeconds: number;
}

/** Device readings over MQTT: an outside broker (MQTT_URL) or an embedded one when none is set. */
export interface MqttConfig {
  readonly enabled: boolean;
  /** The broker to subscribe to; undefined starts the embedded broker on `embeddedPort`. */
  readonly url: string | undefined;
  /** Port of the embedded broker; 0 picks a free port (tests). */
  readonly embeddedPort: number;
  /** Shared-subscription group ($share/<group>/...) so several server processes split device traffic. */
  readonly shareGroup: string | undefined;
}

export class ConfigError extends Error {}

function parseKeys(spec: string, variable = 'FIELD_ENCRYPTION_KEYS'): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64) throw new ConfigError(`${variable} must look like "keyId:base64key,..."`);
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`${variable}: key ${id} must be 32 bytes`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new ConfigError(`${variable} is empty`);
  return keys;
}

/**
 * File keys: FILE_ENCRYPTION_KEYS when set, otherwise derived from each field key with HKDF-SHA256 under the same
 * id, so a site that configures only FIELD_ENCRYPTION_KEYS still encrypts files, with keys distinct from the field
 * keys, and rotates both together.
 */
function fileKeysFrom(
  e: { FILE_ENCRYPTION_KEYS?: string | undefined; FILE_ENCRYPTION_ACTIVE_KEY?: string | undefined },
  fieldKeys: ReadonlyMap<string, Buffer>,
  activeFieldKeyId: string,
): { fileKeys: Map<string, Buffer>; activeFileKeyId: string } {
  const fileKeys = e.FILE_ENCRYPTION_KEYS
    ? parseKeys(e.FILE_ENCRYPTION_KEYS, 'FILE_ENCRYPTION_KEYS')
    : new Map(
        [...fieldKeys].map(([id, key]) => [
          id,
          Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'careloop file encryption v1', 32)),
        ]),
      );
  const activeFileKeyId =
    e.FILE_ENCRYPTION_ACTIVE_KEY ??
    (e.FILE_ENCRYPTION_KEYS ? [...fileKeys.keys()].at(-1)! : activeFieldKeyId);
  if (!fileKeys.has(activeFileKeyId)) throw new ConfigError('FILE_ENCRYPTION_ACTIVE_KEY names no key');
  return { fileKeys, activeFileKeyId };
}

function s3From(e: z.infer<typeof EnvSchema>): S3Config | null {
  const required = {
    S3_ENDPOINT: e.S3_ENDPOINT,
    S3_BUCKET: e.S3_BUCKET,
    S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(required).filter(([, v]) => !v);
  if (missing.length === 4) return null;
  if (missing.length > 0) {
    throw new ConfigError(`S3 storage is partly configured; also set ${missing.map(([k]) => k).join(', ')}`);
  }
  return {
    endpoint: e.S3_ENDPOINT!.replace(/\/+$/, ''),
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    region: e.S3_REGION,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? false,
    serverSideEncryption: e.S3_SERVER_SIDE_ENCRYPTION ?? null,
  };
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
  const { fileKeys, activeFileKeyId } = fileKeysFrom(e, fieldKeys, activeFieldKeyId);
  const s3 = s3From(e);
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
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
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
    // Beside the embedded database's data (<DATA_DIR>/pg), so one directory holds a laptop install's state.
    filesDir: e.FILES_DIR ?? path.join(e.DATA_DIR, 'files'),
    fileKeys,
    activeFileKeyId,
    s3,
    demoMfaExempt: demoData && !production,
    redisUrl: e.REDIS_URL,
    mqtt: {
      enabled: e.MQTT_ENABLED ?? e.NODE_ENV !== 'test',
      url: e.MQTT_URL,
      embeddedPort: e.MQTT_EMBEDDED_PORT,
      shareGroup: e.MQTT_SHARE_GROUP,
    },
    monitoringImportMaxBytes: e.MONITORING_IMPORT_MAX_BYTES,
    fulfilment: {
      payments: e.PAYMENT_PROVIDER ?? (production ? 'none' : 'dev'),
      courier: e.COURIER_PROVIDER ?? (production ? 'none' : 'dev'),
    },
    consult: {
      messagesPerMinute: e.CONSULT_MESSAGES_PER_MINUTE,
      messageBurst: e.CONSULT_MESSAGE_BURST,
      calls: callsFrom(e),
    },
    notify: {
      emailFrom: e.SMTP_FROM,
      smsProvider: e.SMS_PROVIDER,
      wechatProvider: e.WECHAT_PROVIDER,
      vapidSubject: e.VAPID_SUBJECT ?? 'mailto:notifications@careloop.invalid',
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryDelaySeconds: e.NOTIFY_RETRY_DELAY_SECONDS,
    },
  });
}
