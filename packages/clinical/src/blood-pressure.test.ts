import { describe, expect, it } from 'vitest';
import {
  classifyOfficeBp,
  meetsHypertensionThreshold,
  type BpSetting,
  type OfficeBpCategory,
} from './blood-pressure.ts';

describe('classifyOfficeBp (Chinese hypertension guideline 2018)', () => {
  it.each<[number, number, OfficeBpCategory]>([
    [119, 79, 'normal'],
    [120, 79, 'high-normal'],
    [119, 80, 'high-normal'],
    [139, 89, 'high-normal'],
    [140, 89, 'grade-1'],
    [139, 90, 'grade-1'],
    [159, 99, 'grade-1'],
    [160, 99, 'grade-2'],
    [159, 100, 'grade-2'],
    [179, 109, 'grade-2'],
    [180, 109, 'grade-3'],
    [179, 110, 'grade-3'],
    // The higher grade of systolic or diastolic counts.
    [150, 105, 'grade-2'],
    [185, 70, 'grade-3'], // isolated systolic hypertension graded by its systolic value
    [118, 95, 'grade-1'],
  ])('%d/%d mm Hg is %s', (systolic, diastolic, expected) => {
    expect(classifyOfficeBp(systolic, diastolic)).toBe(expected);
  });
});

describe('meetsHypertensionThreshold', () => {
  it.each<[BpSetting, number, number, boolean]>([
    ['office', 139, 89, false],
    ['office', 140, 89, true],
    ['office', 139, 90, true],
    ['home', 134, 84, false],
    ['home', 135, 84, true],
    ['home', 134, 85, true],
    ['ambulatory-24h', 129, 79, false],
    ['ambulatory-24h', 130, 79, true],
    ['ambulatory-24h', 129, 80, true],
    ['ambulatory-day', 134, 84, false],
    ['ambulatory-day', 135, 84, true],
    ['ambulatory-night', 119, 69, false],
    ['ambulatory-night', 120, 69, true],
    ['ambulatory-night', 119, 70, true],
  ])('%s %d/%d: %s', (setting, systolic, diastolic, expected) => {
    expect(meetsHypertensionThreshold(systolic, diastolic, setting)).toBe(expected);
  });
});
