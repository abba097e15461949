import type { MeasurementReminder } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import { openSlots, reminderSlots } from './today.ts';

const local = (h: number, m = 0, day = 1) => new Date(2025, 2, day, h, m);
const bp = (h: number, m = 0, day = 1) => ({
  type: 'blood-pressure' as const,
  takenAt: local(h, m, day).toISOString(),
});
const plan: MeasurementReminder[] = [{ type: 'blood-pressure', times: ['19:00', '07:00'] }];

describe('reminderSlots', () => {
  it('lists the times of the day in order, none done before any reading', () => {
    const slots = reminderSlots(plan, [], local(6, 45));
    expect(slots.map((s) => [s.time, s.status])).toEqual([
      ['07:00', 'due'],
      ['19:00', 'upcoming'],
    ]);
  });

  it('counts a reading a little early or late for the time it was meant for', () => {
    const slots = reminderSlots(plan, [bp(6, 40)], local(8, 0));
    expect(slots[0]).toMatchObject({ time: '07:00', status: 'done', doneAt: local(6, 40).toISOString() });
    expect(slots[1]).toMatchObject({ time: '19:00', status: 'upcoming' });
  });

  it('gives each time the hours up to halfway to the next one', () => {
    // 13:30 is past halfway (13:00) between 07:00 and 19:00: it counts for the evening.
    const slots = reminderSlots(plan, [bp(13, 30)], local(14, 0));
    expect(slots.map((s) => s.status)).toEqual(['missed', 'done']);
  });

  it('never counts one reading twice', () => {
    const slots = reminderSlots(
      [{ type: 'blood-pressure', times: ['07:00', '08:00'] }],
      [bp(7, 50)],
      local(9, 0),
    );
    expect(slots.filter((s) => s.status === 'done')).toHaveLength(1);
  });

  it('ignores readings of other days and other types', () => {
    const glucose = { type: 'glucose' as const, takenAt: local(7, 0).toISOString() };
    const slots = reminderSlots(plan, [bp(7, 0, 28), glucose], local(7, 10));
    expect(slots[0]?.status).toBe('due');
  });

  it('sorts several types by time', () => {
    const slots = reminderSlots([...plan, { type: 'glucose', times: ['06:30'] }], [], local(5, 0));
    expect(slots.map((s) => `${s.time} ${s.type}`)).toEqual([
      '06:30 glucose',
      '07:00 blood-pressure',
      '19:00 blood-pressure',
    ]);
  });

  it('keeps the open ones for the home page', () => {
    const slots = reminderSlots(plan, [], local(14, 0));
    expect(openSlots(slots).map((s) => s.time)).toEqual(['19:00']);
  });
});
