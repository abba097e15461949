import type { AlertBrief } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import { AdviceQueue, adviceOf } from './advice-queue.ts';

function alert(id: string, changes: Partial<AlertBrief> = {}): AlertBrief {
  return {
    id,
    version: 1,
    severity: 'urgent',
    status: 'open',
    message: 'Glucose 2.8 mmol/L',
    patientAdvice: 'Take 15 g of fast sugar now and measure again in 15 minutes.',
    ...changes,
  };
}

describe('adviceOf', () => {
  it('keeps the alerts with advice for the patient, most severe first', () => {
    const items = adviceOf(
      [alert('w', { severity: 'warning' }), alert('none', { patientAdvice: null }), alert('u')],
      'p-1',
    );
    expect(items.map((i) => i.alertId)).toEqual(['u', 'w']);
    expect(items[0]).toMatchObject({ patientId: 'p-1', severity: 'urgent' });
  });
});

describe('AdviceQueue', () => {
  it('shows advice one at a time, each alert version once', () => {
    const queue = new AdviceQueue();
    const [a, b] = adviceOf([alert('a'), alert('b')], 'p-1');
    queue.show([a!, b!]);
    queue.show([a!]);
    expect(queue.current()?.alertId).toBe('a');
    queue.dismiss();
    expect(queue.current()?.alertId).toBe('b');
    queue.dismiss();
    expect(queue.current()).toBeNull();
  });

  it('shows an alert again when a new reading extends it', () => {
    const queue = new AdviceQueue();
    queue.show(adviceOf([alert('a')], 'p-1'));
    queue.dismiss();
    queue.show(adviceOf([alert('a', { version: 2 })], 'p-1'));
    expect(queue.current()?.version).toBe(2);
  });
});
