import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './files';

describe('download file names', () => {
  it('prefers the UTF-8 name (RFC 6266) so Chinese names survive', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="checkup-template.xlsx"; filename*=UTF-8''%E4%BD%93%E6%A3%80%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx`,
      ),
    ).toBe('体检导入模板.xlsx');
  });

  it('reads quoted and bare plain names', () => {
    expect(fileNameFromDisposition('attachment; filename="problems.csv"')).toBe('problems.csv');
    expect(fileNameFromDisposition('attachment; filename=summary.pdf')).toBe('summary.pdf');
  });

  it('falls back when there is no usable name', () => {
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('inline')).toBeNull();
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E4%ZZ; filename="plain.pdf"`)).toBe(
      'plain.pdf',
    );
  });
});
