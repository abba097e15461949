import { describe, expect, it } from 'vitest';
import { addDays, currentSession, slotTimes, visitStage } from './schedule';

describe('slotTimes', () => {
  it('cuts a morning into slots of the given length', () => {
    expect(slotTimes('08:00', '09:00', 20)).toEqual([
      { start: '08:00', end: '08:20' },
      { start: '08:20', end: '08:40' },
      { start: '08:40', end: '09:00' },
    ]);
  });

  it('does not offer a remainder shorter than a slot', () => {
    expect(slotTimes('08:00', '08:50', 20).map((s) => s.start)).toEqual(['08:00', '08:20']);
  });

  it.each([
    ['09:00', '08:00', 15],
    ['08:00', '08:00', 15],
    ['8', '09:00', 15],
    ['08:00', '09:00', 0],
  ])('gives no slots for %s-%s every %i minutes', (start, end, minutes) => {
    expect(slotTimes(start, end, minutes)).toEqual([]);
  });
});

describe('visitStage', () => {
  it.each([
    ['booked', null, 'booked'],
    ['checked_in', 'waiting', 'checked_in'],
    ['checked_in', 'called', 'called'],
    ['checked_in', 'in_consultation', 'in_consultation'],
    ['checked_in', 'skipped', 'skipped'],
    ['checked_in', 'done', 'done'],
    ['completed', 'done', 'done'],
    ['checked_in', 'no_show', 'no_show'],
    ['no_show', null, 'no_show'],
    ['cancelled', null, 'cancelled'],
  ] as const)('%s in queue state %s reads %s', (status, queueState, stage) => {
    expect(visitStage(status, queueState)).toBe(stage);
  });
});

describe('currentSession', () => {
  const session = (start: string, end: string, status: 'open' | 'cancelled' = 'open') => ({
    startsAt: `2030-05-06T${start}:00+08:00`,
    endsAt: `2030-05-06T${end}:00+08:00`,
    status,
  });
  const morning = session('08:00', '12:00');
  const afternoon = session('14:00', '17:00');
  const at = (time: string) => new Date(`2030-05-06T${time}:00+08:00`);

  it('picks the session running now', () => {
    expect(currentSession([afternoon, morning], at('09:30'))).toBe(morning);
  });
  it('picks the next one between sessions', () => {
    expect(currentSession([morning, afternoon], at('12:30'))).toBe(afternoon);
  });
  it('picks the last one after the day', () => {
    expect(currentSession([morning, afternoon], at('18:00'))).toBe(afternoon);
  });
  it('never picks a cancelled session', () => {
    expect(currentSession([session('08:00', '12:00', 'cancelled')], at('09:00'))).toBeNull();
  });
});

describe('addDays', () => {
  it('crosses month ends', () => {
    expect(addDays('2030-01-31', 1)).toBe('2030-02-01');
    expect(addDays('2030-03-01', -1)).toBe('2030-02-28');
  });
});
