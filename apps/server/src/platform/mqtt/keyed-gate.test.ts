import { describe, expect, it } from 'vitest';
import { GateFullError, GateTimeoutError, KeyedGate } from './keyed-gate.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('KeyedGate', () => {
  it('runs at most maxInFlight tasks at once', async () => {
    const gate = new KeyedGate({ maxInFlight: 2, maxWaiting: 10, timeoutMs: 1000 });
    const held = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = held.map((d, i) => gate.run(`k${i}`, async () => (started.push(i), d.promise)));
    await tick();
    expect(started).toEqual([0, 1]);
    held[0]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    held[1]!.resolve();
    held[2]!.resolve();
    await Promise.all(runs);
    expect(gate.running).toBe(0);
  });

  it('runs one key’s tasks one after another, in arrival order, while other keys go ahead', async () => {
    const gate = new KeyedGate({ maxInFlight: 4, maxWaiting: 10, timeoutMs: 1000 });
    const first = deferred();
    const order: string[] = [];
    const runs = [
      gate.run('a', async () => (order.push('a1'), first.promise)),
      gate.run('a', async () => void order.push('a2')),
      gate.run('b', async () => void order.push('b1')),
      gate.run('a', async () => void order.push('a3')),
    ];
    await tick();
    expect(order).toEqual(['a1', 'b1']);
    first.resolve();
    await Promise.all(runs);
    expect(order).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('rejects a task that runs too long but keeps its slot and key until it settles', async () => {
    const gate = new KeyedGate({ maxInFlight: 1, maxWaiting: 10, timeoutMs: 20 });
    const slow = deferred();
    const late = gate.run('a', () => slow.promise);
    await expect(late).rejects.toBeInstanceOf(GateTimeoutError);
    let nextStarted = false;
    const next = gate.run('b', async () => void (nextStarted = true));
    await tick();
    expect(nextStarted).toBe(false);
    slow.resolve();
    await next;
    expect(nextStarted).toBe(true);
  });

  it('refuses work past maxWaiting and reports idle once everything settled', async () => {
    const gate = new KeyedGate({ maxInFlight: 1, maxWaiting: 1, timeoutMs: 1000 });
    const hold = deferred();
    const running = gate.run('a', () => hold.promise);
    const waiting = gate.run('b', async () => 'b');
    await expect(gate.run('c', async () => 'c')).rejects.toBeInstanceOf(GateFullError);
    let idle = false;
    const idlePromise = gate.idle().then(() => (idle = true));
    await tick();
    expect(idle).toBe(false);
    hold.resolve();
    await Promise.all([running, waiting, idlePromise]);
    expect(idle).toBe(true);
  });

  it('passes a task’s failure to its caller and frees the slot', async () => {
    const gate = new KeyedGate({ maxInFlight: 1, maxWaiting: 1, timeoutMs: 1000 });
    await expect(gate.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
