import { describe, expect, it } from 'vitest';
import { csvToReports } from '@careloop/interop';
import { generateDemoHouseholds } from './demo-data.ts';
import { demoCheckupCsv, demoCheckupPatients, demoCheckupRows } from './demo-checkups.ts';

const TODAY = new Date('2026-06-15T08:00:00Z');
const households = generateDemoHouseholds({ patients: 200, today: TODAY });
const people = demoCheckupPatients(households, TODAY);
const rows = demoCheckupRows(people, TODAY);

const reportsOf = (name: string) => {
  const mine = rows.filter((r) => r.patient.name === name);
  return [...new Set(mine.map((r) => r.reportNo))].map((no) => mine.filter((r) => r.reportNo === no));
};

describe('demo checkups', () => {
  it('gives 张伟 and 王芳 three yearly checkups and about a quarter of the other adults two or three', () => {
    expect(people[0]?.patient.name).toBe('张伟');
    expect(people[1]?.patient.name).toBe('王芳');
    expect(reportsOf('张伟')).toHaveLength(3);
    expect(reportsOf('王芳')).toHaveLength(3);
    expect(people.length).toBeGreaterThan(35);
    expect(people.length).toBeLessThan(60);
  });

  it('prints about 45 items per checkup', () => {
    for (const report of reportsOf('张伟')) expect(report.length).toBeGreaterThanOrEqual(45);
  });

  it("drifts 张伟's fasting glucose from 5.8 through 6.4 to 7.2 mmol/L", () => {
    const glucose = reportsOf('张伟').map((r) =>
      Number(r.find((i) => i.item.itemName === '空腹血糖')?.item.result),
    );
    expect(glucose.map((g) => Math.round(g * 10) / 10)).toEqual([5.8, 6.4, 7.2]);
    const flags = reportsOf('张伟').map((r) => r.find((i) => i.item.itemName === '空腹血糖')?.item.flag);
    expect(flags).toEqual(['', '↑', '↑']);
  });

  it("raises 王芳's ALT above the women's limit of 40 U/L", () => {
    const alt = reportsOf('王芳').map((r) =>
      Number(r.find((i) => i.item.itemName === '谷丙转氨酶')?.item.result),
    );
    expect(alt[2]).toBeGreaterThan(40);
    expect(alt[2]).toBeGreaterThan(alt[0]!);
  });

  it('is the same on every run', () => {
    expect(demoCheckupRows(demoCheckupPatients(households, TODAY), TODAY)).toEqual(rows);
  });

  it('reads back through the import template parser without a problem', () => {
    const outcome = csvToReports(demoCheckupCsv(rows));
    expect(outcome.fatal).toBeUndefined();
    expect(outcome.problems).toEqual([]);
    expect(outcome.reports.length).toBe(new Set(rows.map((r) => r.reportNo)).size);
  });
});
