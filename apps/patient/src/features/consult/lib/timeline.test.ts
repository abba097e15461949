import type { ConsultationMessage } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import { laterReceipts, mergeMessages, tickOf } from './timeline.ts';

function message(seq: number, body = `m${seq}`): ConsultationMessage {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    consultationId: '00000000-0000-4000-8000-000000000001',
    seq,
    clientId: null,
    sender: null,
    senderRole: 'doctor',
    kind: 'text',
    body,
    attachment: null,
    event: null,
    createdAt: '2026-11-24T08:00:00.000Z',
  };
}

describe('the conversation timeline', () => {
  it('orders by seq and holds each message once', () => {
    const merged = mergeMessages([message(1), message(3)], [message(2), message(3, 'again'), message(4)]);
    expect(merged.map((m) => [m.seq, m.body])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'again'],
      [4, 'm4'],
    ]);
  });

  it.each([
    [5, { deliveredSeq: 4, readSeq: 2 }, 'sent'],
    [4, { deliveredSeq: 4, readSeq: 2 }, 'delivered'],
    [2, { deliveredSeq: 4, readSeq: 2 }, 'read'],
  ] as const)('ticks message %i as %s', (seq, peer, tick) => {
    expect(tickOf(seq, peer)).toBe(tick);
  });

  it('never takes receipts back', () => {
    expect(laterReceipts({ deliveredSeq: 5, readSeq: 4 }, { deliveredSeq: 3, readSeq: 6 })).toEqual({
      deliveredSeq: 6,
      readSeq: 6,
    });
  });
});
