import { describe, expect, it } from 'vitest';
import { analyteByLoinc } from '@careloop/clinical';
import { PLAUSIBLE } from '../modules/records/observations/plausible-values.ts';
import { generateDemoHouseholds } from './demo-data.ts';
import { planDemoRecords } from './demo-records-plan.ts';

const today = new Date('2025-06-01T00:00:00Z');
const households = generateDemoHouseholds({ patients: 200, today });

describe('the demo records plan', () => {
  it('is the same for the same seed and day', () => {
    const a = planDemoRecords(households, today);
    const b = planDemoRecords(households, today);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives 张伟 hypertension, type 2 diabetes and hyperlipidaemia with their medicines, and 王芳 fatty liver', () => {
    const [zhang, wang] = planDemoRecords(households, today);
    expect(zhang?.conditions.map((c) => c.icd10)).toEqual(['I10', 'E11.9', 'E78.5']);
    expect(zhang?.medications.map((m) => m.atc)).toEqual(['C08CA01', 'A10BA02', 'C10AA05']);
    expect(zhang?.allergies.map((a) => a.substance)).toContain('青霉素');
    expect(wang?.conditions.map((c) => c.icd10)).toContain('K76.0');
  });

  it('covers a share of the other patients with two years of plausible readings', () => {
    const plans = planDemoRecords(households, today);
    expect(plans.length).toBeGreaterThan(25);
    expect(plans.length).toBeLessThan(80);
    const twoYearsAgo = today.getTime() - 731 * 86_400_000;
    const wrong: string[] = [];
    for (const plan of plans) {
      expect(plan.observations.length).toBeGreaterThan(20);
      for (const o of plan.observations) {
        const analyte = analyteByLoinc(o.code)!;
        const limits = PLAUSIBLE[analyte.key];
        const t = o.at.getTime();
        if (o.unit !== analyte.reportedUnit || o.value < limits.min || o.value > limits.max)
          wrong.push(`${o.code} ${o.value} ${o.unit}`);
        if (t <= twoYearsAgo || t >= today.getTime()) wrong.push(`${o.code} at ${o.at.toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows 张伟’s fasting glucose rising over two years, as his checkups do', () => {
    const glucose = planDemoRecords(households, today)[0]!.observations.filter((o) => o.code === '14771-0');
    const mean = (xs: { value: number }[]) => xs.reduce((s, x) => s + x.value, 0) / xs.length;
    const firstQuarter = mean(glucose.slice(0, 40));
    const lastQuarter = mean(glucose.slice(-60, -10));
    expect(firstQuarter).toBeLessThan(6.2);
    expect(lastQuarter).toBeGreaterThan(6.8);
  });
});
