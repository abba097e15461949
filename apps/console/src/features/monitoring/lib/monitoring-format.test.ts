import type { Reading } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import { formatBp, formatPercent, formatReading, formatSigned, minuteOfDay } from './monitoring-format';

function reading(overrides: Partial<Reading>): Reading {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'glucose',
    takenAt: '2025-03-04T08:30:00+08:00',
    endAt: null,
    systolic: null,
    diastolic: null,
    pulse: null,
    value: null,
    unit: null,
    context: null,
    source: 'device',
    deviceId: null,
    flag: null,
    ...overrides,
  };
}

describe('monitoring number formats', () => {
  it('writes blood pressure as whole mm Hg', () => {
    expect(formatBp(132.4, 84.6, 'en-US')).toBe('132/85');
  });

  it('gives small percentages a decimal and large ones none', () => {
    expect(formatPercent(1.46, 'en-US')).toBe('1.5%');
    expect(formatPercent(72.4, 'en-US')).toBe('72%');
    expect(formatPercent(0, 'en-US')).toBe('0%');
  });

  it('signs a change and leaves a zero change unsigned', () => {
    expect(formatSigned(1.24, 1, 'en-US')).toBe('+1.2');
    expect(formatSigned(-0.44, 1, 'en-US')).toBe('−0.4');
    expect(formatSigned(-0.01, 1, 'en-US')).toBe('0.0');
  });

  it('turns a minute of the day into HH:MM', () => {
    expect(minuteOfDay(0)).toBe('00:00');
    expect(minuteOfDay(450)).toBe('07:30');
    expect(minuteOfDay(1440)).toBe('00:00');
  });

  it('writes readings with their canonical unit', () => {
    expect(formatReading(reading({ type: 'blood-pressure', systolic: 152, diastolic: 96 }), 'en-US')).toBe(
      '152/96 mmHg',
    );
    expect(formatReading(reading({ value: 11.24 }), 'en-US')).toBe('11.2 mmol/L');
    expect(formatReading(reading({ type: 'steps', value: 8214 }), 'en-US')).toBe('8,214');
    expect(formatReading(reading({ value: null }), 'en-US')).toBe('');
  });
});
