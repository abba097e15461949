import { describe, expect, it } from 'vitest';
import { toInstant } from './zoned-time.ts';

describe('toInstant', () => {
  it('reads a plain date as midnight in the organization’s zone', () => {
    expect(toInstant('2026-03-01', 'Asia/Shanghai')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('reads a local date-time in the zone, and one with an offset as written', () => {
    expect(toInstant('2026-03-01T08:30:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(toInstant('2026-03-01T08:30:00+09:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-02-28T23:30:00.000Z',
    );
    expect(toInstant('2026-03-01T08:30:00Z', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-03-01T08:30:00.000Z',
    );
  });

  it('settles wall-clock times around a daylight-saving change', () => {
    // New York moved to UTC-4 at 02:00 on 2026-03-08.
    expect(toInstant('2026-03-07T12:00:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-07T17:00:00.000Z',
    );
    expect(toInstant('2026-03-09T12:00:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-09T16:00:00.000Z',
    );
  });

  it('refuses what is not a date, and an impossible day', () => {
    expect(toInstant('yesterday', 'Asia/Shanghai')).toBeUndefined();
    expect(toInstant('2026-02-30', 'Asia/Shanghai')).toBeUndefined();
    expect(toInstant('2026-02-30', 'Asia/Shanghai')).toBeUndefined();
  });

  it('gives each caller its own Date', () => {
    const a = toInstant('2026-05-05', 'Asia/Shanghai')!;
    a.setTime(0);
    expect(toInstant('2026-05-05', 'Asia/Shanghai')?.getTime()).not.toBe(0);
  });
});
