import type { ConsultationMessage } from '@careloop/contracts';

/** Messages held by the chat, one per seq, oldest first. */
export type MessageList = readonly ConsultationMessage[];

/** Adds messages to a list, keeping one per seq (the newer copy wins) and the order by seq. */
export function mergeMessages(held: MessageList, incoming: readonly ConsultationMessage[]): MessageList {
  if (incoming.length === 0) return held;
  const bySeq = new Map<number, ConsultationMessage>();
  for (const message of held) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest message number held (0 when none): what a reconnecting client asks `after`. */
export function highestSeq(held: MessageList): number {
  return held.length === 0 ? 0 : (held[held.length - 1]?.seq ?? 0);
}

export type Tick = 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

/** What the other side has of one of my stored messages, from their receipts. */
export function tickOf(seq: number, peer: { deliveredSeq: number; readSeq: number }): Tick {
  if (seq <= peer.readSeq) return 'read';
  if (seq <= peer.deliveredSeq) return 'delivered';
  return 'sent';
}

/**
 * A new id for one message: 32 hex characters (a UUID without dashes), made once and kept with the message, so a
 * resend after a reconnect is recognised by the server and never stored twice.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whole minutes from `from` to `now`, never negative. */
export function minutesBetween(from: string, now: number): number {
  const start = new Date(from).getTime();
  if (Number.isNaN(start)) return 0;
  return Math.max(0, Math.floor((now - start) / 60_000));
}

/** Waiting time as hours and minutes for "等待 1 小时 5 分钟". */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/**
 * The name of an account taking part, from what the chat already holds: the consultation's doctor, else the newest
 * message that account sent or an event line it caused ("张伟 asked for a consultation"). Null when none says.
 */
export function participantName(
  accountId: string,
  consultation: { doctor: { id: string; name: string } | null },
  held: MessageList,
): string | null {
  if (consultation.doctor?.id === accountId && consultation.doctor.name) return consultation.doctor.name;
  for (let i = held.length - 1; i >= 0; i--) {
    const m = held[i];
    const person =
      m?.sender?.id === accountId ? m.sender : m?.event?.by?.id === accountId ? m.event.by : null;
    if (person?.name) return person.name;
  }
  return null;
}
