import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ambulatoryGlucoseProfile } from './agp.ts';
import { localTime } from './local-time.ts';
import { percentile } from './stats.ts';

describe('percentile (Hyndman and Fan 1996 definition 7, linear interpolation)', () => {
  it.each([
    [[1, 2, 3, 4], 25, 1.75], // NumPy's documented default: np.percentile([1, 2, 3, 4], 25) = 1.75
    [[15, 20, 35, 40, 50], 40, 29], // the worked example of the C = 1 variant of the linear method
    [[15, 20, 35, 40, 50], 100, 50],
    [[15, 20, 35, 40, 50], 0, 15],
    [[7], 95, 7],
  ])('%o at p%d is %d', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBeCloseTo(expected, 12);
  });
});

describe('localTime', () => {
  it('gives the local date and minute in an IANA zone or a fixed offset', () => {
    const at = new Date('2026-03-01T17:30:00Z'); // 01:30 on 2 March in China Standard Time (UTC+8)
    expect(localTime(at, 'Asia/Shanghai')).toEqual({ date: '2026-03-02', minuteOfDay: 90 });
    expect(localTime(at, 480)).toEqual({ date: '2026-03-02', minuteOfDay: 90 });
    expect(localTime(at, 'UTC')).toEqual({ date: '2026-03-01', minuteOfDay: 17 * 60 + 30 });
    expect(() => localTime(at, 'Not/AZone')).toThrow(RangeError);
  });
});

describe('ambulatoryGlucoseProfile', () => {
  it('pools days into hourly bins of local time', () => {
    // 01:xx China time on three days: 17:xx UTC the day before.
    const readings = [4, 5, 6, 7, 8].map((mmolPerL, i) => ({
      at: `2026-03-0${i + 1}T17:${String(10 * i).padStart(2, '0')}:00Z`,
      mmolPerL,
    }));
    const bins = ambulatoryGlucoseProfile(readings, { timeZone: 'Asia/Shanghai' });
    expect(bins).toHaveLength(24);
    expect(bins[1]).toEqual({ startMinute: 60, count: 5, p5: 4.2, p25: 5, p50: 6, p75: 7, p95: 7.8 });
    expect(bins[0]).toMatchObject({ count: 0, p50: null });
    expect(ambulatoryGlucoseProfile(readings, { timeZone: 'UTC', binMinutes: 15 })[17 * 4]?.count).toBe(2);
  });

  it('property: percentiles are monotone in every bin (p5 <= p25 <= p50 <= p75 <= p95)', () => {
    const reading = fc.record({
      at: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
      mmolPerL: fc.double({ min: 1, max: 33, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(reading, { maxLength: 300 }),
        fc.constantFrom(15, 30, 60) as fc.Arbitrary<15 | 30 | 60>,
        (rs, binMinutes) =>
          ambulatoryGlucoseProfile(rs, { binMinutes }).every(
            (b) =>
              b.count === 0 ||
              ((b.p5 ?? 0) <= (b.p25 ?? 0) &&
                (b.p25 ?? 0) <= (b.p50 ?? 0) &&
                (b.p50 ?? 0) <= (b.p75 ?? 0) &&
                (b.p75 ?? 0) <= (b.p95 ?? 0)),
          ),
      ),
    );
  });
});
