import { describe, expect, it } from 'vitest';
import { isTimeZone, releaseTime } from './quiet-hours.ts';

const shanghai = (start: string, end: string) => ({ start, end, timeZone: 'Asia/Shanghai' });

describe('quiet hours', () => {
  it('lets a delivery outside the window go at once', () => {
    const now = new Date('2024-03-01T04:00:00Z'); // 12:00 in Shanghai
    expect(releaseTime(now, shanghai('22:00', '07:00'))).toEqual(now);
  });

  it('holds a delivery inside an overnight window until its end the next morning', () => {
    const now = new Date('2024-03-01T15:30:00Z'); // 23:30 in Shanghai
    expect(releaseTime(now, shanghai('22:00', '07:00')).toISOString()).toBe('2024-03-01T23:00:00.000Z');
  });

  it('holds a delivery after midnight until the same morning', () => {
    const now = new Date('2024-03-01T18:15:42Z'); // 02:15:42 in Shanghai
    expect(releaseTime(now, shanghai('22:00', '07:00')).toISOString()).toBe('2024-03-01T23:00:00.000Z');
  });

  it('handles a daytime window', () => {
    const now = new Date('2024-03-01T05:00:00Z'); // 13:00 in Shanghai
    expect(releaseTime(now, shanghai('12:30', '14:00')).toISOString()).toBe('2024-03-01T06:00:00.000Z');
  });

  it('treats the end minute as outside the window', () => {
    const now = new Date('2024-03-01T23:00:00Z'); // 07:00 in Shanghai
    expect(releaseTime(now, shanghai('22:00', '07:00'))).toEqual(now);
  });

  it('releases at the local end across a daylight-saving change', () => {
    // New York springs forward on 2024-03-10 at 02:00; 07:00 EDT is 11:00 UTC.
    const now = new Date('2024-03-10T04:30:00Z'); // 23:30 EST on the 9th
    const quiet = { start: '22:00', end: '07:00', timeZone: 'America/New_York' };
    expect(releaseTime(now, quiet).toISOString()).toBe('2024-03-10T11:00:00.000Z');
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shangai')).toBe(false);
  });
});
