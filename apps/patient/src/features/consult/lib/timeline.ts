import type { ConsultationMessage } from '@careloop/contracts';

/** Messages in the order the server numbered them, each once (a repeat replaces the copy held). */
export function mergeMessages(
  held: readonly ConsultationMessage[],
  incoming: readonly ConsultationMessage[],
): ConsultationMessage[] {
  if (incoming.length === 0) return held as ConsultationMessage[];
  const bySeq = new Map<number, ConsultationMessage>();
  for (const m of held) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function highestSeq(messages: readonly ConsultationMessage[]): number {
  return messages.length === 0 ? 0 : (messages[messages.length - 1]?.seq ?? 0);
}

export function lowestSeq(messages: readonly ConsultationMessage[]): number {
  return messages[0]?.seq ?? 0;
}

export type Tick = 'sending' | 'sent' | 'delivered' | 'read';

export interface PeerReceipts {
  deliveredSeq: number;
  readSeq: number;
}

/** How far one's own stored message got: on the server, on the other side's device, read there. */
export function tickOf(seq: number, peer: PeerReceipts): Exclude<Tick, 'sending'> {
  if (seq <= peer.readSeq) return 'read';
  if (seq <= peer.deliveredSeq) return 'delivered';
  return 'sent';
}

/** Receipts only move forward: an older event arriving late does not take a tick back. */
export function laterReceipts(a: PeerReceipts, b: PeerReceipts): PeerReceipts {
  return {
    deliveredSeq: Math.max(a.deliveredSeq, b.deliveredSeq, b.readSeq),
    readSeq: Math.max(a.readSeq, b.readSeq),
  };
}
