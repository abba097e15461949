import { describe, expect, it } from 'vitest';
import { ChatOutbox, memoryStore, type OutboxMessage, type SendAttempt } from './outbox.ts';

const C = '00000000-0000-4000-8000-000000000001';

function entry(clientId: string, body = clientId): OutboxMessage {
  return { clientId, consultationId: C, kind: 'text', body, queuedAt: '2026-11-24T08:00:00.000Z' };
}

describe('the consultation outbox', () => {
  it('keeps waiting messages in storage, oldest first, each clientId once', () => {
    const store = memoryStore();
    const outbox = new ChatOutbox(store);
    outbox.add(entry('aaaaaaaa'));
    outbox.add(entry('bbbbbbbb'));
    outbox.add(entry('aaaaaaaa', 'again'));
    const reopened = new ChatOutbox(store);
    expect(reopened.pending(C).map((e) => e.body)).toEqual(['aaaaaaaa', 'bbbbbbbb']);
  });

  it('sends in order with the same clientId and stops at the first unanswered one', async () => {
    const outbox = new ChatOutbox(memoryStore());
    for (const id of ['aaaaaaaa', 'bbbbbbbb', 'cccccccc']) outbox.add(entry(id));
    const tried: string[] = [];
    const answers: SendAttempt[] = [{ status: 'sent', seq: 1 }, { status: 'unsent' }];
    await outbox.flush(C, async (e) => {
      tried.push(e.clientId);
      return answers.shift() ?? { status: 'unsent' };
    });
    expect(tried).toEqual(['aaaaaaaa', 'bbbbbbbb']);
    expect(outbox.pending(C).map((e) => e.clientId)).toEqual(['bbbbbbbb', 'cccccccc']);
    tried.length = 0;
    await outbox.flush(C, async (e) => {
      tried.push(e.clientId);
      return { status: 'sent', seq: 2 };
    });
    expect(tried).toEqual(['bbbbbbbb', 'cccccccc']);
    expect(outbox.pending(C)).toEqual([]);
  });

  it('never has a message in flight twice when flushes overlap', async () => {
    const outbox = new ChatOutbox(memoryStore());
    outbox.add(entry('aaaaaaaa'));
    let sends = 0;
    const send = async (): Promise<SendAttempt> => {
      sends += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { status: 'sent', seq: 1 };
    };
    await Promise.all([outbox.flush(C, send), outbox.flush(C, send)]);
    expect(sends).toBe(1);
  });

  it('sets a refused message aside with its reason and goes on with the next', async () => {
    const outbox = new ChatOutbox(memoryStore());
    outbox.add(entry('aaaaaaaa'));
    outbox.add(entry('bbbbbbbb'));
    await outbox.flush(C, async (e) =>
      e.clientId === 'aaaaaaaa'
        ? { status: 'refused', code: 'CONSULTATION_CLOSED', title: 'closed' }
        : { status: 'sent', seq: 3 },
    );
    expect(outbox.pending(C)).toEqual([
      { ...entry('aaaaaaaa'), refused: { code: 'CONSULTATION_CLOSED', title: 'closed' } },
    ]);
    outbox.retry(C, 'aaaaaaaa');
    expect(outbox.pending(C)[0]?.refused).toBeUndefined();
  });

  it('treats a throwing sender as unanswered', async () => {
    const outbox = new ChatOutbox(memoryStore());
    outbox.add(entry('aaaaaaaa'));
    await outbox.flush(C, () => Promise.reject(new Error('offline')));
    expect(outbox.pending(C)).toHaveLength(1);
  });
});
