import { describe, expect, it } from 'vitest';
import { daysUntil, dueState } from './due';

// Local times (no offset) so the tests read the same in every time zone the suite runs in.
const now = new Date(2025, 2, 10, 15, 30);
const at = (day: number, hour = 9) => new Date(2025, 2, day, hour).toISOString();

describe('due dates', () => {
  it('counts calendar days, not 24-hour blocks', () => {
    expect(daysUntil(at(10, 23), now)).toBe(0);
    expect(daysUntil(at(11, 0), now)).toBe(1);
    expect(daysUntil(at(9, 23), now)).toBe(-1);
    expect(daysUntil('not a date', now)).toBeNull();
  });

  it('reads today, tomorrow, in N days and overdue by N days', () => {
    expect(dueState(at(10, 20), false, now)).toEqual({ kind: 'today' });
    expect(dueState(at(11), false, now)).toEqual({ kind: 'tomorrow' });
    expect(dueState(at(17), false, now)).toEqual({ kind: 'later', days: 7 });
    expect(dueState(at(8), true, now)).toEqual({ kind: 'overdue', days: 2 });
  });

  it("trusts the server's overdue flag for a task due earlier today", () => {
    expect(dueState(at(10, 9), true, now)).toEqual({ kind: 'overdue', days: 0 });
  });

  it('treats a past date as overdue even before the server has said so', () => {
    expect(dueState(at(9), false, now)).toEqual({ kind: 'overdue', days: 1 });
  });
});
