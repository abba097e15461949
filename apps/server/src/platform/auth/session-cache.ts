import type pg from 'pg';

/** The channel migration 018's triggers signal, with the account id, when anything a session answers changes. */
export const AUTH_CHANNEL = 'careloop_auth';

interface Entry<T> {
  value: T;
  accountId: string;
  sessionId: string;
  /** Date.now() after which the entry is read again from the database. */
  until: number;
}

/**
 * Resolved sessions kept in this process for a short while, so a signed-in request needs no database round trip
 * to know who calls. Correctness rests on the signal, not on the time limit: every change to a session, its account
 * or a membership signals the account on `careloop_auth` when it commits (triggers, so no code path can forget),
 * and every process drops that account's entries when the signal arrives. The cache answers only while its
 * LISTEN connection is up: before it is connected, after an error on it and after stop, every request reads the
 * database, and reconnecting starts from an empty cache, so a signal missed while disconnected cannot leave a
 * revoked session usable.
 */
export class SessionCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #byAccount = new Map<string, Set<string>>();
  #client: pg.PoolClient | null = null;
  #live = false;
  #stopped = false;
  #retry: NodeJS.Timeout | null = null;
  /** Signals received (tests wait on this to know a commit's signal has been handled). */
  #signals = 0;
  /** Errors of the signal connection (the cache reconnects by itself and reads the database meanwhile). */
  onError: (error: unknown) => void = () => undefined;
  /** Moves on every forget, connect and disconnect: a read that began before may be stale and is not kept. */
  #epoch = 0;

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
    },
  ) {}

  get live(): boolean {
    return this.#live;
  }

  get size(): number {
    return this.#entries.size;
  }

  get signals(): number {
    return this.#signals;
  }

  /** Read before the database read; `set` keeps the value only if nothing was forgotten since. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Connects the LISTEN client; entries are kept only from then on. Reconnects by itself after an error. */
  async start(pool: pg.Pool): Promise<void> {
    this.#stopped = false;
    const client = await pool.connect();
    client.on('notification', (message) => {
      this.#signals++;
      if (message.payload) this.forgetAccount(message.payload);
    });
    client.on('error', (error) => {
      this.#disconnect(client, true);
      this.onError(error);
      this.#scheduleRetry(pool);
    });
    try {
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.#client = client;
    this.#clear();
    this.#live = true;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    const client = this.#client;
    if (!client) return;
    this.#disconnect(client, false);
    await client.query(`UNLISTEN ${AUTH_CHANNEL}`).catch(() => undefined);
    client.release();
  }

  get(key: string, now = Date.now()): T | undefined {
    if (!this.#live) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.#delete(key, entry);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Keeps a resolved session until `until` (capped by the cache's time limit). A no-op while not connected, and
   * when anything was forgotten since `readEpoch` (a signal that arrived during the read may concern this value).
   */
  set(
    key: string,
    value: T,
    ids: { accountId: string; sessionId: string },
    until: number,
    readEpoch: number,
  ): void {
    if (!this.#live || this.options.ttlMs <= 0 || readEpoch !== this.#epoch) return;
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    if (this.#entries.size >= this.options.maxEntries) {
      // Maps keep insertion order: the oldest entry goes first.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#delete(oldest.value, this.#entries.get(oldest.value)!);
    }
    const entry = { value, ...ids, until: Math.min(until, Date.now() + this.options.ttlMs) };
    this.#entries.set(key, entry);
    let keys = this.#byAccount.get(ids.accountId);
    if (!keys) this.#byAccount.set(ids.accountId, (keys = new Set()));
    keys.add(key);
  }

  /** Replaces a kept value without extending its time (e.g. the "last seen" time just written). */
  update(key: string, value: T): void {
    const entry = this.#entries.get(key);
    if (entry) entry.value = value;
  }

  forgetAccount(accountId: string): void {
    this.#epoch++;
    const keys = this.#byAccount.get(accountId);
    if (!keys) return;
    for (const key of keys) this.#entries.delete(key);
    this.#byAccount.delete(accountId);
  }

  forgetSession(sessionId: string): void {
    this.#epoch++;
    for (const [key, entry] of this.#entries) if (entry.sessionId === sessionId) this.#delete(key, entry);
  }

  #delete(key: string, entry: Entry<T>): void {
    this.#entries.delete(key);
    const keys = this.#byAccount.get(entry.accountId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byAccount.delete(entry.accountId);
  }

  #clear(): void {
    this.#epoch++;
    this.#entries.clear();
    this.#byAccount.clear();
  }

  #disconnect(client: pg.PoolClient, broken: boolean): void {
    if (this.#client !== client) return;
    this.#live = false;
    this.#client = null;
    this.#clear();
    if (broken) client.release(true);
  }

  #scheduleRetry(pool: pg.Pool): void {
    if (this.#stopped || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (this.#stopped) return;
      this.start(pool).catch((error: unknown) => {
        this.onError(error);
        this.#scheduleRetry(pool);
      });
    }, 1_000);
    this.#retry.unref();
  }
}
