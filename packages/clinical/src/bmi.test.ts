import { describe, expect, it } from 'vitest';
import { bmi, bmiCategory, waistCategory, type BmiCategory, type WaistCategory } from './bmi.ts';
import type { BiologicalSex } from './reference-ranges.ts';

describe('bmi', () => {
  it.each([
    [70, 175, 22.857142857142858], // 70 / 1.75^2 = 70 / 3.0625
    [81, 180, 25], // 81 / 3.24
    [50, 160, 19.53125], // 50 / 2.56
  ])('%d kg at %d cm gives %d', (weight, height, expected) => {
    expect(bmi(weight, height)).toBeCloseTo(expected, 9);
  });

  it('refuses a zero or negative measurement', () => {
    expect(() => bmi(70, 0)).toThrow(RangeError);
    expect(() => bmi(-1, 170)).toThrow(RangeError);
  });
});

describe('bmiCategory (WS/T 428-2013)', () => {
  it.each<[number, BmiCategory]>([
    [18.4, 'underweight'],
    [18.5, 'normal'],
    [23.9, 'normal'],
    [24.0, 'overweight'],
    [27.9, 'overweight'],
    [28.0, 'obesity'],
  ])('BMI %d is %s', (value, expected) => {
    expect(bmiCategory(value)).toBe(expected);
  });
});

describe('waistCategory (WS/T 428-2013)', () => {
  it.each<[number, BiologicalSex, WaistCategory]>([
    [84.9, 'male', 'normal'],
    [85, 'male', 'pre-central-obesity'],
    [89.9, 'male', 'pre-central-obesity'],
    [90, 'male', 'central-obesity'],
    [79.9, 'female', 'normal'],
    [80, 'female', 'pre-central-obesity'],
    [84.9, 'female', 'pre-central-obesity'],
    [85, 'female', 'central-obesity'],
  ])('%d cm for a %s is %s', (waist, sex, expected) => {
    expect(waistCategory(waist, sex)).toBe(expected);
  });
});
