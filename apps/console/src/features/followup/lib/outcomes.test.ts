import { describe, expect, it } from 'vitest';
import { OUTCOMES, noteRequired, pinCritical } from './outcomes';

describe('task outcomes and order', () => {
  it('asks for a note where the next person needs one, and always for "other" (the contract requires it)', () => {
    expect(OUTCOMES.filter((o) => noteRequired(o))).toEqual(['declined', 'unreachable', 'other']);
    expect(noteRequired(undefined)).toBe(false);
  });

  it('pins open critical tasks on top and keeps the rest in the server order', () => {
    const tasks = [
      { id: 'a', priority: 'routine', status: 'open' },
      { id: 'b', priority: 'critical', status: 'open' },
      { id: 'c', priority: 'urgent', status: 'open' },
      { id: 'd', priority: 'critical', status: 'done' },
      { id: 'e', priority: 'critical', status: 'open' },
    ] as const;
    expect(pinCritical(tasks).map((t) => t.id)).toEqual(['b', 'e', 'a', 'c', 'd']);
  });
});
