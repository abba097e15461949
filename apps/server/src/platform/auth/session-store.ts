import { sql } from 'kysely';
import type { StaffRole } from '@careloop/contracts';
import type pg from 'pg';
import type { Db, Executor } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import { uuidv7 } from '../db/ids.ts';
import { hashToken, newToken } from '../crypto/tokens.ts';
import type { Actor, MfaState } from './actor.ts';
import { SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'cl_session';

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
}

interface SessionRow {
  id: string;
  expires_at: Date;
  csrf_token: string;
  account_id: string;
  org_id: string | null;
  mfa_state: MfaState;
  last_seen_at: Date;
  kind: 'patient' | 'staff';
  display_name: string;
  is_platform_admin: boolean;
  roles: string[] | null;
  department_id: string | null;
}

/** Sessions live in PostgreSQL so any server process can serve any request. */
const RESOLVE = prepared<SessionRow>(
  'careloop_session_resolve',
  `SELECT s.id, s.expires_at, s.csrf_token, s.account_id, s.org_id, s.mfa_state, s.last_seen_at,
          a.kind, a.display_name, a.is_platform_admin, m.roles, m.department_id
     FROM sessions s
     JOIN accounts a ON a.id = s.account_id AND a.active
     LEFT JOIN memberships m ON m.account_id = s.account_id AND m.org_id = s.org_id AND m.active
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
);

/** Touch "last seen" at most this often: keeps it useful without a write on every request. */
const TOUCH_MS = 60_000;

export class SessionStore {
  /** Sessions answered from memory while its signal connection is up (see SessionCache); null: always read. */
  readonly #cache: SessionCache<SessionRow> | null;
  /** Database reads in flight per token hash, with the cache epoch each began at (see #read). */
  readonly #reads = new Map<string, { epoch: number; row: Promise<SessionRow | undefined> }>();
  /** Sessions whose "last seen" is being written now. */
  readonly #touching = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly pool: pg.Pool,
    private readonly ttlHours: number,
    cacheSeconds = 0,
  ) {
    this.#cache =
      cacheSeconds > 0 ? new SessionCache({ ttlMs: cacheSeconds * 1_000, maxEntries: 50_000 }) : null;
  }

  /** Starts answering sessions from memory (server processes; a no-op when the cache is configured off). */
  async startCache(onError?: (error: unknown) => void): Promise<void> {
    if (!this.#cache) return;
    if (onError) this.#cache.onError = onError;
    await this.#cache.start(this.pool);
  }

  async stopCache(): Promise<void> {
    await this.#cache?.stop();
  }

  /**
   * Drops an account's sessions from this process's memory once a change to them has committed (the change's
   * signal does the same in every process a moment later; this makes the next request here see it for sure).
   */
  forgetAccount(accountId: string): void {
    this.#cache?.forgetAccount(accountId);
  }

  /** The cache, for tests and metrics. */
  get cache(): SessionCache<unknown> | null {
    return this.#cache;
  }

  async create(
    tx: Executor,
    input: {
      accountId: string;
      orgId: string | null;
      mfaState: MfaState;
      userAgent: string | null;
      ip: string | null;
    },
  ): Promise<{ token: string; sessionId: string; csrfToken: string }> {
    const token = newToken('s_');
    const csrfToken = newToken();
    const sessionId = uuidv7();
    await tx
      .insertInto('sessions')
      .values({
        id: sessionId,
        token_hash: hashToken(token),
        csrf_token: csrfToken,
        account_id: input.accountId,
        org_id: input.orgId,
        mfa_state: input.mfaState,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        ip: input.ip,
        expires_at: new Date(Date.now() + this.ttlHours * 3_600_000),
      })
      .execute();
    return { token, sessionId, csrfToken };
  }

  /**
   * The session, its account and its membership in the session's organization: from memory when kept, else one
   * prepared query.
   */
  async resolve(token: string): Promise<ResolvedSession | null> {
    const hash = hashToken(token);
    const now = Date.now();
    let row = this.#cache?.get(hash, now);
    if (!row) {
      row = await this.#read(hash);
      if (!row) return null;
    } else if (row.expires_at.getTime() <= now) {
      return null;
    }
    // One touch per session at a time: the requests that arrive meanwhile need not queue on the same row.
    if (now - row.last_seen_at.getTime() > TOUCH_MS && !this.#touching.has(row.id)) {
      this.#touching.add(row.id);
      try {
        await this.db
          .updateTable('sessions')
          .set({ last_seen_at: new Date(now) })
          .where('id', '=', row.id)
          .execute();
        this.#cache?.update(hash, { ...row, last_seen_at: new Date(now) });
      } finally {
        this.#touching.delete(row.id);
      }
    }
    return { actor: toActor(row, 'session', row.id), sessionId: row.id, csrfToken: row.csrf_token };
  }

  /**
   * Reads a session from the database. With the cache on, requests that miss the same session together share one
   * read, but only while nothing was forgotten since it began (the cache's epoch): a request never takes an answer
   * read before a sign-out or revocation this process has heard of.
   */
  #read(hash: string): Promise<SessionRow | undefined> {
    const cache = this.#cache;
    if (!cache) return RESOLVE.run(this.pool, [hash]).then(([row]) => row);
    const epoch = cache.epoch;
    const shared = this.#reads.get(hash);
    if (shared && shared.epoch === epoch) return shared.row;
    const read = RESOLVE.run(this.pool, [hash]).then(([row]) => {
      if (row)
        cache.set(
          hash,
          row,
          { accountId: row.account_id, sessionId: row.id },
          row.expires_at.getTime(),
          epoch,
        );
      return row;
    });
    const entry = { epoch, row: read };
    this.#reads.set(hash, entry);
    const done = () => {
      if (this.#reads.get(hash) === entry) this.#reads.delete(hash);
    };
    read.then(done, done);
    return read;
  }

  async setMfaState(tx: Executor, sessionId: string, state: MfaState): Promise<void> {
    // Forgotten here at once, and again in every process when the change commits (migration 018's signal).
    this.#cache?.forgetSession(sessionId);
    await tx.updateTable('sessions').set({ mfa_state: state }).where('id', '=', sessionId).execute();
  }

  async revoke(tx: Executor, sessionId: string): Promise<void> {
    this.#cache?.forgetSession(sessionId);
    await tx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}

interface TokenRow {
  id: string;
  account_id: string;
  org_id: string;
  scopes: string[];
  display_name: string;
  kind: 'patient' | 'staff';
  is_platform_admin: boolean;
  roles: string[] | null;
  department_id: string | null;
}

export async function resolveApiToken(db: Db, token: string): Promise<(Actor & { scopes: string[] }) | null> {
  const result = await sql<TokenRow>`
    UPDATE api_tokens t SET last_used_at = now()
      FROM accounts a, memberships m
     WHERE t.token_hash = ${hashToken(token)} AND t.revoked_at IS NULL
       AND (t.expires_at IS NULL OR t.expires_at > now())
       AND a.id = t.account_id AND a.active
       AND m.account_id = t.account_id AND m.org_id = t.org_id AND m.active
    RETURNING t.id, t.account_id, t.org_id, t.scopes, a.display_name, a.kind, a.is_platform_admin, m.roles,
              m.department_id`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  const actor = toActor({ ...row, mfa_state: 'ok' }, 'token', row.id);
  return { ...actor, scopes: row.scopes } as Actor & { scopes: string[] };
}

function toActor(
  row: Pick<
    SessionRow,
    | 'account_id'
    | 'org_id'
    | 'mfa_state'
    | 'kind'
    | 'display_name'
    | 'is_platform_admin'
    | 'roles'
    | 'department_id'
  >,
  via: 'session' | 'token',
  credentialId: string,
): Actor {
  if (row.kind === 'patient' || !row.org_id) {
    return {
      kind: 'patient',
      accountId: row.account_id,
      displayName: row.display_name,
      credentialId,
      via,
      mfa: row.mfa_state,
      orgId: null,
      roles: [],
    };
  }
  const roles = new Set((row.roles ?? []) as StaffRole[]);
  if (row.is_platform_admin) roles.add('platform_admin');
  return {
    kind: 'staff',
    accountId: row.account_id,
    displayName: row.display_name,
    credentialId,
    via,
    mfa: row.mfa_state,
    orgId: row.org_id,
    roles: [...roles],
    departmentId: row.department_id,
  };
}
