import type { ReadingBatchResult, ReadingInput } from '@careloop/contracts';
import { ApiError } from '../../../api/api-error.ts';

// Readings typed in the app wait here until the server has them. Each waits under its own Idempotency-Key (its
// id), kept in storage per patient, so a reading sent again after a lost answer, a closed tab or a day offline is
// stored once: the server answers a repeated key with its first answer, and stores a repeated id and time once.

export interface OutboxEntry {
  /** The Idempotency-Key of the POST; the reading's id. */
  key: string;
  patientId: string;
  reading: ReadingInput;
  queuedAt: string;
}

export type SendOutcome =
  | { status: 'sent'; entry: OutboxEntry; result: ReadingBatchResult }
  | { status: 'queued'; entry: OutboxEntry }
  | { status: 'failed'; entry: OutboxEntry; error: unknown };
export type SentOutcome = Extract<SendOutcome, { status: 'sent' }>;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SendReadings = (
  patientId: string,
  readings: ReadingInput[],
  idempotencyKey: string,
) => Promise<ReadingBatchResult>;

const PREFIX = 'careloop.readingQueue.';

export function queueStorageKey(patientId: string): string {
  return `${PREFIX}${patientId}`;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    typeof v.patientId === 'string' &&
    typeof v.queuedAt === 'string' &&
    typeof v.reading === 'object' &&
    v.reading !== null
  );
}

/** Worth trying again later: no answer at all (offline, DNS, a dropped connection), a timeout, or a server fault. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError)
    return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  return error instanceof TypeError;
}

/** A store in memory, for browsers that refuse storage (private mode) and for tests. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

export class ReadingOutbox {
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<(outcome: SentOutcome) => void>();
  private readonly cache = new Map<string, { raw: string | null; entries: readonly OutboxEntry[] }>();
  private readonly inflight = new Set<string>();
  private readonly flushing = new Map<string, Promise<SendOutcome[]>>();
  private readonly recentByPatient = new Map<string, readonly SendOutcome[]>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly send: SendReadings,
    private readonly isOnline: () => boolean,
  ) {}

  /** Called whenever a queue or the recent results change (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with every answer the server gave, whoever sent the reading. */
  onSent(listener: (outcome: SentOutcome) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** The readings of a patient still waiting, oldest first; the same array until the queue changes. */
  pending(patientId: string): readonly OutboxEntry[] {
    let raw: string | null = null;
    try {
      raw = this.store.getItem(queueStorageKey(patientId));
    } catch {
      raw = null;
    }
    const cached = this.cache.get(patientId);
    if (cached && cached.raw === raw) return cached.entries;
    let entries: readonly OutboxEntry[] = [];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      entries = Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      entries = [];
    }
    this.cache.set(patientId, { raw, entries });
    return entries;
  }

  /** What background sending answered for readings sent from the queue, until the person has seen it. */
  recent(patientId: string): readonly SendOutcome[] {
    return this.recentByPatient.get(patientId) ?? NONE;
  }

  clearRecent(patientId: string): void {
    if (!this.recentByPatient.has(patientId)) return;
    this.recentByPatient.delete(patientId);
    this.notify();
  }

  /** Another tab changed storage: re-read it. */
  refresh(): void {
    this.notify();
  }

  /**
   * Keeps the reading, then sends it when the phone is online. `queued` means it stays on the phone and goes
   * later; `failed` means the server refused the request itself (it is not kept, since sending it again cannot
   * help).
   */
  async submit(patientId: string, reading: ReadingInput, now = new Date()): Promise<SendOutcome> {
    const entry: OutboxEntry = { key: reading.id, patientId, reading, queuedAt: now.toISOString() };
    this.write(patientId, [...this.pending(patientId), entry]);
    if (!this.isOnline()) return { status: 'queued', entry };
    return this.sendEntry(entry);
  }

  /** Sends a patient's waiting readings in order; stops at the first that cannot go yet. One run at a time. */
  flush(patientId: string): Promise<SendOutcome[]> {
    const running = this.flushing.get(patientId);
    if (running) return running;
    const run = (async () => {
      const outcomes: SendOutcome[] = [];
      for (const entry of this.pending(patientId)) {
        if (!this.isOnline()) break;
        if (this.inflight.has(entry.key)) continue;
        const outcome = await this.sendEntry(entry);
        outcomes.push(outcome);
        if (outcome.status === 'queued') break;
      }
      const shown = outcomes.filter((o) => o.status !== 'queued');
      if (shown.length > 0) {
        this.recentByPatient.set(patientId, [...this.recent(patientId), ...shown]);
        this.notify();
      }
      return outcomes;
    })();
    const tracked = run.finally(() => this.flushing.delete(patientId));
    this.flushing.set(patientId, tracked);
    return tracked;
  }

  private async sendEntry(entry: OutboxEntry): Promise<SendOutcome> {
    this.inflight.add(entry.key);
    let outcome: SendOutcome;
    try {
      const result = await this.send(entry.patientId, [entry.reading], entry.key);
      outcome = { status: 'sent', entry, result };
    } catch (error) {
      outcome = isRetryable(error) ? { status: 'queued', entry } : { status: 'failed', entry, error };
    } finally {
      this.inflight.delete(entry.key);
    }
    if (outcome.status !== 'queued') this.remove(entry);
    if (outcome.status === 'sent') for (const listener of this.sentListeners) listener(outcome);
    return outcome;
  }

  private remove(entry: OutboxEntry): void {
    this.write(
      entry.patientId,
      this.pending(entry.patientId).filter((e) => e.key !== entry.key),
    );
  }

  private write(patientId: string, entries: readonly OutboxEntry[]): void {
    try {
      if (entries.length === 0) this.store.removeItem(queueStorageKey(patientId));
      else this.store.setItem(queueStorageKey(patientId), JSON.stringify(entries));
    } catch {
      // Storage full or refused: the entry lives as long as this page does.
      this.cache.set(patientId, { raw: null, entries });
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const NONE: readonly SendOutcome[] = [];
