import { describe, expect, it } from 'vitest';
import { importPercent, isActive, progressLook } from './import-progress';

describe('import progress', () => {
  it('is processed over found reports, floored', () => {
    expect(importPercent({ status: 'running', totalReports: 3, processedReports: 1 })).toBe(33);
    expect(importPercent({ status: 'running', totalReports: 200, processedReports: 199 })).toBe(99);
  });

  it('never shows 100 while the job runs, even when every report found so far is processed', () => {
    expect(importPercent({ status: 'running', totalReports: 10, processedReports: 10 })).toBe(99);
    expect(importPercent({ status: 'queued', totalReports: 0, processedReports: 0 })).toBe(0);
  });

  it('shows 100 when done, whatever the counts (a file with no reports is done too)', () => {
    expect(importPercent({ status: 'done', totalReports: 0, processedReports: 0 })).toBe(100);
  });

  it('keeps a stopped job where it stopped', () => {
    expect(importPercent({ status: 'cancelled', totalReports: 4, processedReports: 2 })).toBe(50);
    expect(importPercent({ status: 'failed', totalReports: 4, processedReports: 5 })).toBe(100);
  });

  it('polls only queued and running jobs', () => {
    expect(['queued', 'running', 'done', 'failed', 'cancelled'].filter((s) => isActive(s as never))).toEqual([
      'queued',
      'running',
    ]);
    expect(progressLook('failed')).toBe('exception');
    expect(progressLook('done')).toBe('success');
  });
});
