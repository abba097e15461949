import type { Observation, TimelineItem } from '@careloop/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { localizeFieldErrors } from './field-errors';
import { checkDocumentFile, titleFromFileName } from './documents';
import { flagView, isAbnormalFlag } from './flags';
import { rangeStart, timeExtent } from './time-range';
import { groupByDay, isFlagged } from './timeline-days';
import { vitalTiles, worseFlag } from './vitals';

function item(id: string, at: string, extra: Partial<TimelineItem> = {}): TimelineItem {
  return {
    kind: 'observation',
    id,
    at,
    title: id,
    detail: null,
    flag: null,
    source: 'lab',
    sourceOrg: null,
    recordedBy: null,
    reportId: null,
    code: null,
    counts: null,
    ...extra,
  };
}

describe('timeline days', () => {
  it('groups newest-first items by local day, counts flagged ones, and drops repeats across pages', () => {
    const days = groupByDay([
      item('a', '2025-03-04T10:00:00'),
      item('b', '2025-03-04T08:00:00', { flag: 'H' }),
      item('a', '2025-03-04T10:00:00'),
      item('c', '2025-03-02T09:00:00', { kind: 'checkup', counts: { total: 30, abnormal: 4 } }),
    ]);
    expect(days.map((d) => [d.day, d.items.map((i) => i.id), d.flaggedCount])).toEqual([
      ['2025-03-04', ['a', 'b'], 1],
      ['2025-03-02', ['c'], 1],
    ]);
    expect(isFlagged({ flag: 'N', counts: null })).toBe(false);
  });
});

describe('flags', () => {
  it('pairs every abnormal flag with an arrow and a word', () => {
    expect(flagView('H')).toMatchObject({ arrow: '↑', labelKey: 'record.flags.H', abnormal: true });
    expect(flagView('LL')).toMatchObject({ arrow: '↓↓', critical: true });
    expect(flagView('N')?.abnormal).toBe(false);
    expect(flagView(null)).toBeNull();
    expect(isAbnormalFlag('A')).toBe(true);
  });
});

describe('documents', () => {
  it('refuses empty, too large and non-PDF/image files before upload', () => {
    expect(checkDocumentFile({ name: 'a.pdf', size: 1000, type: 'application/pdf' })).toBeNull();
    expect(checkDocumentFile({ name: 'a.heic', size: 1000, type: '' })).toBeNull();
    expect(checkDocumentFile({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('empty');
    expect(checkDocumentFile({ name: 'a.pdf', size: 21 * 1024 * 1024, type: 'application/pdf' })).toBe(
      'tooLarge',
    );
    expect(checkDocumentFile({ name: 'a.exe', size: 10, type: 'application/x-msdownload' })).toBe(
      'wrongType',
    );
    expect(checkDocumentFile({ name: 'notes', size: 10, type: '' })).toBe('wrongType');
    expect(titleFromFileName('血常规 2025.pdf')).toBe('血常规 2025');
  });
});

describe('time range', () => {
  it('starts 3 months or a year back at midnight, or not at all', () => {
    const now = new Date(2025, 5, 15, 14, 30);
    expect(rangeStart('3m', now)).toBe(new Date(2025, 2, 15).toISOString());
    expect(rangeStart('1y', now)).toBe(new Date(2024, 5, 15).toISOString());
    expect(rangeStart('all', now)).toBeUndefined();
  });

  it('spans the chosen period, or the points for all time, and widens a single reading to two weeks', () => {
    const day = 86_400_000;
    const now = Date.UTC(2025, 5, 15);
    const from = new Date(now - 90 * day).toISOString();
    expect(timeExtent([now - 10 * day], from, now)).toEqual([now - 90 * day, now]);
    expect(timeExtent([now - 400 * day, now - 10 * day], undefined, now)).toEqual([
      now - 400 * day,
      now - 10 * day,
    ]);
    expect(timeExtent([now - 100 * day], undefined, now)).toEqual([now - 107 * day, now - 93 * day]);
  });
});

describe('vital tiles', () => {
  const obs = (
    code: string,
    value: number,
    flag: Observation['flag'],
    at = '2025-03-01T08:00:00Z',
  ): Observation => ({
    id: code,
    patientId: 'p',
    codeSystem: 'loinc',
    code,
    name: code,
    value,
    valueText: null,
    unit: code === '8867-4' ? '/min' : 'mm[Hg]',
    referenceLow: null,
    referenceHigh: null,
    referenceText: null,
    flag,
    effectiveAt: at,
    status: 'final',
    note: null,
    source: 'device',
    sourceOrg: null,
    reportId: null,
    deviceId: null,
    recordedBy: null,
    createdAt: at,
  });

  it('joins systolic and diastolic into one BP value with the worse flag, first in order', () => {
    const tiles = vitalTiles(
      [obs('8867-4', 72, 'N'), obs('8462-4', 91, 'H'), obs('8480-6', 128, 'N')],
      [],
      'en-US',
    );
    expect(tiles.map((t) => [t.key, t.value, t.flag])).toEqual([
      ['bp', '128/91', 'H'],
      ['loinc:8867-4', '72', 'N'],
    ]);
  });

  it('adds the latest glucose from the labs when the vitals have none', () => {
    const glucose = { ...obs('14771-0', 7.2, 'H'), unit: 'mmol/L' };
    const tiles = vitalTiles([obs('8867-4', 72, 'N')], [glucose], 'en-US');
    expect(tiles.map((t) => t.code)).toEqual(['8867-4', '14771-0']);
  });

  it('ranks critical over abnormal over normal', () => {
    expect(worseFlag('H', 'HH')).toBe('HH');
    expect(worseFlag('L', 'N')).toBe('L');
    expect(worseFlag(null, 'N')).toBe('N');
  });
});

describe('field errors', () => {
  const t = ((key: string, options?: Record<string, string>) =>
    `${key}${options ? JSON.stringify(options) : ''}`) as unknown as TFunction;

  it('translates the records field codes and the plausible-range message, and keeps other text', () => {
    const error = new ApiError({
      status: 422,
      code: 'RECORD_IMPOSSIBLE_VALUE',
      title: 'x',
      errors: [
        { path: 'value', message: 'outside 2-25 %' },
        { path: 'display', message: 'icd10_or_display_required' },
        { path: 'note', message: 'Too long' },
      ],
    });
    const localized = localizeFieldErrors(error, t) as ApiError;
    expect(localized.errors).toEqual([
      { path: 'value', message: 'record.fieldErrors.outside{"range":"2–25 %"}' },
      { path: 'display', message: 'record.fieldErrors.icd10_or_display_required' },
      { path: 'note', message: 'Too long' },
    ]);
    expect(localizeFieldErrors('plain', t)).toBe('plain');
  });
});
