import type { Attachment, SendMessageBody } from '@careloop/contracts';

// Messages typed in a consultation wait here (localStorage, per consultation) until the server acknowledges them.
// Each keeps the clientId it was given when typed, so sending it again after a lost acknowledgement, a reload or a
// day offline stores it once: the server answers a repeated clientId with the message it stored the first time.
// Only what fits in storage waits here: an image or voice note is uploaded first (online), and its message, which
// names the stored attachment, is what waits.

export interface OutboxMessage {
  clientId: string;
  consultationId: string;
  kind: SendMessageBody['kind'];
  body?: string;
  attachmentId?: string;
  /** What the attachment is, to show it while its message waits. */
  attachment?: Attachment;
  queuedAt: string;
  /** The server refused it (a closed consultation, a bad file): shown with its reason, not sent again by itself. */
  refused?: { code: string; title: string };
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
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

export function outboxStorageKey(consultationId: string): string {
  return `careloop.consultOutbox.${consultationId}`;
}

/**
 * A new message's own id: 32 random hex characters, fixed for every resend. From getRandomValues, which (unlike
 * crypto.randomUUID) also exists on a plain-http address such as a hospital intranet's.
 */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isEntry(value: unknown): value is OutboxMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.clientId === 'string' &&
    typeof v.consultationId === 'string' &&
    typeof v.kind === 'string' &&
    typeof v.queuedAt === 'string'
  );
}

/** What became of one attempt to send a waiting message. */
export type SendAttempt =
  | { status: 'sent'; seq: number }
  | { status: 'refused'; code: string; title: string }
  /** No answer (offline, timeout, a server fault): it stays and goes again later with the same clientId. */
  | { status: 'unsent' };

export class ChatOutbox {
  private readonly listeners = new Set<() => void>();
  private readonly cache = new Map<string, { raw: string | null; entries: readonly OutboxMessage[] }>();
  private readonly flushing = new Map<string, Promise<void>>();

  constructor(private readonly store: KeyValueStore) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The messages of a consultation still waiting, oldest first; the same array until they change. */
  pending(consultationId: string): readonly OutboxMessage[] {
    let raw: string | null;
    try {
      raw = this.store.getItem(outboxStorageKey(consultationId));
    } catch {
      raw = null;
    }
    const cached = this.cache.get(consultationId);
    if (cached && cached.raw === raw) return cached.entries;
    let entries: readonly OutboxMessage[] = [];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      entries = Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      entries = [];
    }
    this.cache.set(consultationId, { raw, entries });
    return entries;
  }

  add(entry: OutboxMessage): void {
    const entries = this.pending(entry.consultationId);
    if (entries.some((e) => e.clientId === entry.clientId)) return;
    this.write(entry.consultationId, [...entries, entry]);
  }

  /** Drops a message once the server has it (its acknowledgement, or the message seen in the conversation). */
  remove(consultationId: string, clientIds: readonly string[]): void {
    const entries = this.pending(consultationId);
    const left = entries.filter((e) => !clientIds.includes(e.clientId));
    if (left.length !== entries.length) this.write(consultationId, left);
  }

  /** Puts a refused message back in line (the person chose to try again). */
  retry(consultationId: string, clientId: string): void {
    const entries = this.pending(consultationId);
    this.write(
      consultationId,
      entries.map((e) => (e.clientId === clientId ? { ...e, refused: undefined } : e)),
    );
  }

  /**
   * Sends the waiting messages of a consultation one at a time, in the order they were typed, and stops at the first
   * that gets no answer (the rest would only overtake it). Only one flush per consultation runs at a time, so the
   * same message is never in flight twice from this tab.
   */
  flush(consultationId: string, send: (entry: OutboxMessage) => Promise<SendAttempt>): Promise<void> {
    const running = this.flushing.get(consultationId);
    if (running) return running;
    const run = (async () => {
      for (;;) {
        const next = this.pending(consultationId).find((e) => !e.refused);
        if (!next) return;
        let attempt: SendAttempt;
        try {
          attempt = await send(next);
        } catch {
          attempt = { status: 'unsent' };
        }
        if (attempt.status === 'unsent') return;
        if (attempt.status === 'sent') this.remove(consultationId, [next.clientId]);
        else {
          const refused = { code: attempt.code, title: attempt.title };
          this.write(
            consultationId,
            this.pending(consultationId).map((e) => (e.clientId === next.clientId ? { ...e, refused } : e)),
          );
        }
      }
    })().finally(() => this.flushing.delete(consultationId));
    this.flushing.set(consultationId, run);
    return run;
  }

  private write(consultationId: string, entries: readonly OutboxMessage[]): void {
    const key = outboxStorageKey(consultationId);
    try {
      if (entries.length === 0) this.store.removeItem(key);
      else this.store.setItem(key, JSON.stringify(entries));
    } catch {
      // Storage full or refused: kept in memory for this visit below.
    }
    let raw: string | null;
    try {
      raw = this.store.getItem(key);
    } catch {
      raw = null;
    }
    this.cache.set(consultationId, { raw, entries });
    for (const listener of this.listeners) listener();
  }
}
