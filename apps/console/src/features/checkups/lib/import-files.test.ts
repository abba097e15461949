import { describe, expect, it } from 'vitest';
import {
  MAX_FILES,
  MAX_FILE_BYTES,
  MAX_IMAGE_BYTES,
  MAX_TOTAL_BYTES,
  checkImportFiles,
  formatBytes,
  formatOf,
} from './import-files';

const file = (name: string, size = 1000) => ({ name, size });

describe('import file checks', () => {
  it.each([
    ['report.xlsx', 'xlsx'],
    ['REPORT.CSV', 'csv'],
    ['oru.hl7', 'hl7'],
    ['oru.txt', 'hl7'],
    ['bundle.json', 'fhir'],
    ['scan.pdf', 'pdf'],
    ['photo.JPG', 'image'],
    ['photo.jpeg', 'image'],
    ['photo.png', 'image'],
  ])('reads %s as %s', (name, format) => {
    expect(formatOf(name)).toBe(format);
  });

  it('refuses unknown endings, executables and names without an ending', () => {
    const { accepted, refused } = checkImportFiles(
      [],
      [file('setup.exe'), file('report.xls'), file('README')],
    );
    expect(accepted).toEqual([]);
    expect(refused.map((r) => r.problem)).toEqual(['type', 'type', 'type']);
  });

  it('refuses empty files and files over the limit of their kind', () => {
    const { accepted, refused } = checkImportFiles(
      [],
      [
        file('empty.csv', 0),
        file('big.xlsx', MAX_FILE_BYTES + 1),
        file('ok.xlsx', MAX_FILE_BYTES),
        file('photo.jpg', MAX_IMAGE_BYTES + 1),
      ],
    );
    expect(accepted.map((f) => f.name)).toEqual(['ok.xlsx']);
    expect(refused.map((r) => [r.file.name, r.problem])).toEqual([
      ['empty.csv', 'empty'],
      ['big.xlsx', 'tooLarge'],
      ['photo.jpg', 'tooLarge'],
    ]);
  });

  it('refuses the same file twice, in one batch or across batches', () => {
    const first = checkImportFiles([], [file('a.csv', 10), file('a.csv', 10), file('a.csv', 11)]);
    expect(first.accepted).toHaveLength(2);
    expect(first.refused.map((r) => r.problem)).toEqual(['duplicate']);
    const second = checkImportFiles(first.accepted, [file('a.csv', 11)]);
    expect(second.refused.map((r) => r.problem)).toEqual(['duplicate']);
  });

  it(`takes at most ${MAX_FILES} files in all`, () => {
    const current = Array.from({ length: MAX_FILES - 1 }, (_, i) => file(`r${i}.csv`));
    const { accepted, refused } = checkImportFiles(current, [file('x.csv'), file('y.csv')]);
    expect(accepted.map((f) => f.name)).toEqual(['x.csv']);
    expect(refused.map((r) => [r.file.name, r.problem])).toEqual([['y.csv', 'tooMany']]);
  });

  it('keeps the files together within the total the server accepts', () => {
    const big = Array.from({ length: MAX_TOTAL_BYTES / MAX_FILE_BYTES }, (_, i) =>
      file(`b${i}.xlsx`, MAX_FILE_BYTES),
    );
    const { accepted, refused } = checkImportFiles(big, [file('one-more.csv', 1)]);
    expect(accepted).toEqual([]);
    expect(refused.map((r) => r.problem)).toEqual(['totalTooLarge']);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(980)).toBe('980 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});
