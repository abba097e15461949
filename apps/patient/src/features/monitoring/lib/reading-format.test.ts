import { describe, expect, it } from 'vitest';
import { formatPulse, formatReadingValue, type UnitWords } from './reading-format.ts';

const words: UnitWords = {
  perMinute: 'bpm',
  steps: 'steps',
  duration: (h, m) => `${h} h ${m} min`,
};
const en = (r: Parameters<typeof formatReadingValue>[0]) => formatReadingValue(r, 'en-US', words);

describe('formatReadingValue', () => {
  it('writes each type as people read it', () => {
    expect(en({ type: 'blood-pressure', systolic: 128, diastolic: 82, pulse: 70 })).toBe('128/82 mmHg');
    expect(en({ type: 'glucose', value: 6.24, unit: 'mmol/L' })).toBe('6.2 mmol/L');
    expect(en({ type: 'glucose', value: 112, unit: 'mg/dL' })).toBe('112 mg/dL');
    expect(en({ type: 'weight', value: 70.46, unit: 'kg' })).toBe('70.5 kg');
    expect(en({ type: 'spo2', value: 97, unit: '%' })).toBe('97%');
    expect(en({ type: 'temperature', value: 36.8, unit: 'Cel' })).toBe('36.8°C');
    expect(en({ type: 'heart-rate', value: 72, unit: '/min' })).toBe('72 bpm');
    expect(en({ type: 'steps', value: 8012, unit: '{steps}' })).toBe('8,012 steps');
    expect(en({ type: 'sleep', value: 450, unit: 'min' })).toBe('7 h 30 min');
  });

  it('uses the canonical unit when the answer names none', () => {
    expect(en({ type: 'glucose', value: 5.5, unit: null })).toBe('5.5 mmol/L');
  });

  it('shows a dash for a value that is missing', () => {
    expect(en({ type: 'blood-pressure', systolic: null, diastolic: 80 })).toBe('—');
    expect(en({ type: 'weight', value: null })).toBe('—');
  });

  it('gives the pulse of a blood pressure', () => {
    expect(
      formatPulse({ type: 'blood-pressure', systolic: 1, diastolic: 1, pulse: 70 }, 'en-US', words),
    ).toBe('70 bpm');
    expect(formatPulse({ type: 'weight', value: 70 }, 'en-US', words)).toBeNull();
  });
});
