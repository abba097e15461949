import { describe, expect, it } from 'vitest';
import { SlotGate, now } from './slot-gate.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const refused = () => new Error('taken');

describe('SlotGate', () => {
  it('runs the attempts of one slot one at a time, in arrival order, and other slots beside them', async () => {
    const gate = new SlotGate();
    const log: string[] = [];
    const attempt = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([
      gate.run('a', now(), attempt('a1'), refused),
      gate.run('a', now(), attempt('a2'), refused),
      gate.run('b', now(), attempt('b1'), refused),
    ]);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('refuses without an attempt the requests that arrived before a read found the slot full', async () => {
    const gate = new SlotGate();
    let attempts = 0;
    const early = now();
    const answers = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        gate.run(
          's',
          early,
          async (sawFull) => {
            attempts += 1;
            const readAt = now();
            await tick();
            sawFull(readAt);
            throw refused();
          },
          refused,
        ),
      ),
    );
    expect(attempts).toBe(1);
    expect(answers.every((a) => a.status === 'rejected')).toBe(true);
  });

  it('lets a request that arrived after the full read look again, and forgets a slot once nobody waits', async () => {
    const gate = new SlotGate();
    let attempts = 0;
    const attempt = async (sawFull: (at: number) => void) => {
      attempts += 1;
      sawFull(now() - 1_000);
    };
    await gate.run('s', now(), attempt, refused);
    await gate.run('s', now(), attempt, refused);
    expect(attempts).toBe(2);
  });
});
