import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.ts';

/** A LISTEN connection stand-in: queries succeed, notifications and errors are emitted by the test. */
class FakeClient extends EventEmitter {
  released = false;
  query = () => Promise.resolve({ rows: [] });
  release = () => {
    this.released = true;
  };
}

async function started(options = { ttlMs: 60_000, maxEntries: 3 }) {
  const client = new FakeClient();
  const pool = { connect: () => Promise.resolve(client) } as unknown as pg.Pool;
  const cache = new SessionCache<string>(options);
  await cache.start(pool);
  return { cache, client };
}

const ids = (accountId: string, sessionId = `s-${accountId}`) => ({ accountId, sessionId });
const far = () => Date.now() + 3_600_000;

describe('SessionCache', () => {
  it('keeps nothing before it is connected', () => {
    const cache = new SessionCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    cache.set('k', 'v', ids('a'), far(), cache.epoch);
    expect(cache.get('k')).toBeUndefined();
  });

  it('does not keep a value read while a signal arrived (it may predate the change)', async () => {
    const { cache, client } = await started();
    const epoch = cache.epoch;
    client.emit('notification', { channel: 'careloop_auth', payload: 'someone-else' });
    cache.set('k', 'v', ids('a'), far(), epoch);
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', 'v', ids('a'), far(), cache.epoch);
    expect(cache.get('k')).toBe('v');
  });

  it("forgets an account's sessions on its signal, and only them", async () => {
    const { cache, client } = await started();
    cache.set('k1', 'a1', ids('a', 's1'), far(), cache.epoch);
    cache.set('k2', 'a2', ids('a', 's2'), far(), cache.epoch);
    cache.set('k3', 'b1', ids('b', 's3'), far(), cache.epoch);
    client.emit('notification', { channel: 'careloop_auth', payload: 'a' });
    expect([cache.get('k1'), cache.get('k2'), cache.get('k3')]).toEqual([undefined, undefined, 'b1']);
    cache.forgetSession('s3');
    expect(cache.get('k3')).toBeUndefined();
  });

  it('ends an entry at the session expiry or its time limit, whichever comes first', async () => {
    const { cache } = await started({ ttlMs: 1_000, maxEntries: 10 });
    const now = Date.now();
    cache.set('soon', 'v', ids('a'), now + 100, cache.epoch);
    cache.set('later', 'v', ids('b'), far(), cache.epoch);
    expect(cache.get('soon', now + 50)).toBe('v');
    expect(cache.get('soon', now + 150)).toBeUndefined();
    expect(cache.get('later', now + 900)).toBe('v');
    expect(cache.get('later', now + 1_100)).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const { cache } = await started();
    for (const k of ['k1', 'k2', 'k3', 'k4']) cache.set(k, k, ids(k), far(), cache.epoch);
    expect(cache.size).toBe(3);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k4')).toBe('k4');
  });

  it('empties and stops answering when its connection fails', async () => {
    const { cache, client } = await started();
    cache.onError = () => undefined;
    cache.set('k', 'v', ids('a'), far(), cache.epoch);
    client.emit('error', new Error('connection terminated'));
    expect(cache.live).toBe(false);
    expect(cache.size).toBe(0);
    expect(client.released).toBe(true);
    cache.set('k', 'v', ids('a'), far(), cache.epoch);
    expect(cache.get('k')).toBeUndefined();
    await cache.stop();
  });
});
