import type { ReadingBatchResult, ReadingInput } from '@careloop/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error.ts';
import { memoryStore, queueStorageKey, ReadingOutbox, type SendReadings } from './outbox.ts';

const PATIENT = 'p-1';

function reading(id: string): ReadingInput {
  return { id, type: 'weight', takenAt: '2025-03-01T07:00:00.000Z', value: 70, unit: 'kg' };
}

function result(changes: Partial<ReadingBatchResult> = {}): ReadingBatchResult {
  return { received: 1, stored: 1, duplicates: 0, rejected: [], alerts: [], ...changes };
}

const offline = () => new ApiError({ status: 0, code: 'NETWORK', title: 'offline' });

function setup(send: SendReadings, online = { value: true }) {
  const store = memoryStore();
  const outbox = new ReadingOutbox(store, send, () => online.value);
  return { store, outbox, online };
}

describe('ReadingOutbox', () => {
  it('sends a reading at once when online, under its own id as Idempotency-Key, and forgets it', async () => {
    const send = vi.fn<SendReadings>().mockResolvedValue(result());
    const { outbox, store } = setup(send);
    const outcome = await outbox.submit(PATIENT, reading('r-1'));
    expect(outcome.status).toBe('sent');
    expect(send).toHaveBeenCalledWith(PATIENT, [reading('r-1')], 'r-1');
    expect(outbox.pending(PATIENT)).toEqual([]);
    expect(store.getItem(queueStorageKey(PATIENT))).toBeNull();
  });

  it('keeps a reading typed offline in storage, per patient, without trying to send it', async () => {
    const send = vi.fn<SendReadings>();
    const { outbox, store } = setup(send, { value: false });
    const outcome = await outbox.submit(PATIENT, reading('r-1'));
    expect(outcome.status).toBe('queued');
    expect(send).not.toHaveBeenCalled();
    expect(outbox.pending(PATIENT).map((e) => e.key)).toEqual(['r-1']);
    expect(outbox.pending('someone-else')).toEqual([]);
    expect(JSON.parse(store.getItem(queueStorageKey(PATIENT)) ?? '[]')).toHaveLength(1);
  });

  it('keeps a reading whose request got no answer, and sends it later with the same key', async () => {
    const send = vi
      .fn<SendReadings>()
      .mockRejectedValueOnce(offline())
      .mockResolvedValue(result({ stored: 0, duplicates: 1 }));
    const { outbox } = setup(send);
    expect((await outbox.submit(PATIENT, reading('r-1'))).status).toBe('queued');
    expect(outbox.pending(PATIENT)).toHaveLength(1);
    const outcomes = await outbox.flush(PATIENT);
    expect(outcomes.map((o) => o.status)).toEqual(['sent']);
    expect(send.mock.calls.map((c) => c[2])).toEqual(['r-1', 'r-1']);
    expect(outbox.pending(PATIENT)).toEqual([]);
  });

  it('sends the queue in order when back online and stops at the first that still cannot go', async () => {
    const online = { value: false };
    const send = vi
      .fn<SendReadings>()
      .mockResolvedValueOnce(result())
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'UNAVAILABLE', title: 'busy' }));
    const { outbox } = setup(send, online);
    for (const id of ['r-1', 'r-2', 'r-3']) await outbox.submit(PATIENT, reading(id));
    online.value = true;
    const outcomes = await outbox.flush(PATIENT);
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'queued']);
    expect(outbox.pending(PATIENT).map((e) => e.key)).toEqual(['r-2', 'r-3']);
  });

  it('drops a reading the server refused outright and reports it', async () => {
    const refused = new ApiError({ status: 403, code: 'FORBIDDEN', title: 'no' });
    const online = { value: false };
    const send = vi.fn<SendReadings>().mockRejectedValue(refused);
    const { outbox } = setup(send, online);
    await outbox.submit(PATIENT, reading('r-1'));
    online.value = true;
    await outbox.flush(PATIENT);
    expect(outbox.pending(PATIENT)).toEqual([]);
    expect(outbox.recent(PATIENT)).toMatchObject([{ status: 'failed', error: refused }]);
    outbox.clearRecent(PATIENT);
    expect(outbox.recent(PATIENT)).toEqual([]);
  });

  it('reports rejections the server gave for readings sent from the queue', async () => {
    const rejected = [
      { index: 0, id: 'r-1', code: 'impossible-value' as const, field: 'value', message: 'no' },
    ];
    const online = { value: false };
    const { outbox } = setup(
      vi.fn<SendReadings>().mockResolvedValue(result({ stored: 0, rejected })),
      online,
    );
    await outbox.submit(PATIENT, reading('r-1'));
    online.value = true;
    await outbox.flush(PATIENT);
    expect(outbox.recent(PATIENT)).toMatchObject([{ status: 'sent', result: { rejected } }]);
  });

  it('runs one flush at a time, so a reading is never sent twice at once', async () => {
    let release: (r: ReadingBatchResult) => void = () => undefined;
    const send = vi.fn<SendReadings>(() => new Promise((resolve) => (release = resolve)));
    const online = { value: false };
    const { outbox } = setup(send, online);
    await outbox.submit(PATIENT, reading('r-1'));
    online.value = true;
    const first = outbox.flush(PATIENT);
    const second = outbox.flush(PATIENT);
    expect(second).toBe(first);
    release(result());
    await first;
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('tells listeners about every answer the server gave', async () => {
    const { outbox } = setup(vi.fn<SendReadings>().mockResolvedValue(result()));
    const sent = vi.fn();
    outbox.onSent(sent);
    await outbox.submit(PATIENT, reading('r-1'));
    expect(sent).toHaveBeenCalledWith(expect.objectContaining({ status: 'sent', result: result() }));
  });

  it('keeps the same snapshot until the queue changes', async () => {
    const { outbox } = setup(vi.fn<SendReadings>(), { value: false });
    const before = outbox.pending(PATIENT);
    expect(outbox.pending(PATIENT)).toBe(before);
    await outbox.submit(PATIENT, reading('r-1'));
    const after = outbox.pending(PATIENT);
    expect(after).not.toBe(before);
    expect(outbox.pending(PATIENT)).toBe(after);
  });

  it('reads nothing from a damaged queue', () => {
    const { outbox, store } = setup(vi.fn<SendReadings>());
    store.setItem(queueStorageKey(PATIENT), '{not json');
    expect(outbox.pending(PATIENT)).toEqual([]);
    store.setItem(queueStorageKey(PATIENT), JSON.stringify([{ nope: true }]));
    expect(outbox.pending(PATIENT)).toEqual([]);
  });
});
