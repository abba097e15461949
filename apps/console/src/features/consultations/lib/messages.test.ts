import type { ConsultationMessage } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import {
  highestSeq,
  mergeMessages,
  minutesBetween,
  newClientId,
  participantName,
  splitMinutes,
  tickOf,
} from './messages';

function message(seq: number, body = `m${seq}`): ConsultationMessage {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    consultationId: '00000000-0000-4000-8000-000000000000',
    seq,
    clientId: null,
    sender: null,
    senderRole: 'patient',
    kind: 'text',
    body,
    attachment: null,
    event: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('the chat message list', () => {
  it('keeps one message per seq, in order, whatever order they arrive in', () => {
    const held = mergeMessages([], [message(3), message(1)]);
    const merged = mergeMessages(held, [message(2), message(3, 'again')]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[2]?.body).toBe('again');
  });

  it('asks for everything after the highest seq it holds', () => {
    expect(highestSeq([])).toBe(0);
    expect(highestSeq(mergeMessages([], [message(7), message(4)]))).toBe(7);
  });

  it('ticks a message read, delivered or sent from the peer receipts', () => {
    const peer = { deliveredSeq: 5, readSeq: 3 };
    expect(tickOf(3, peer)).toBe('read');
    expect(tickOf(5, peer)).toBe('delivered');
    expect(tickOf(6, peer)).toBe('sent');
  });

  it('makes client ids the server accepts (8-64 of A-Z a-z 0-9 _ -)', () => {
    const a = newClientId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newClientId()).not.toBe(a);
  });

  it('counts waiting minutes, never below zero', () => {
    const now = Date.parse('2026-01-01T01:05:30Z');
    expect(minutesBetween('2026-01-01T00:00:00Z', now)).toBe(65);
    expect(minutesBetween('2026-01-01T02:00:00Z', now)).toBe(0);
    expect(splitMinutes(65)).toEqual({ hours: 1, minutes: 5 });
  });

  it('names a participant from the consultation or the newest message or event line of that account', () => {
    const doctor = { id: 'd0000000-0000-4000-8000-000000000001', name: '王建国' };
    const patient = 'a0000000-0000-4000-8000-000000000002';
    const guest = 'a0000000-0000-4000-8000-000000000003';
    const requested: ConsultationMessage = {
      ...message(1),
      kind: 'event',
      body: null,
      senderRole: 'system',
      event: { type: 'requested', by: { id: patient, name: '张伟' } },
    };
    const renamed: ConsultationMessage = { ...message(2), sender: { id: patient, name: '张伟（本人）' } };
    expect(participantName(doctor.id, { doctor }, [])).toBe('王建国');
    expect(participantName(patient, { doctor }, [requested])).toBe('张伟');
    expect(participantName(patient, { doctor: null }, mergeMessages([], [requested, renamed]))).toBe(
      '张伟（本人）',
    );
    expect(participantName(guest, { doctor }, [requested, renamed])).toBeNull();
  });
});
