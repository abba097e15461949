import { describe, expect, it } from 'vitest';
import { checkImportFile, partCount, partRange, processedPercent, storedByType } from './import-file.ts';

describe('Apple Health import file', () => {
  it.each([
    ['export.xml', 10, null],
    ['EXPORT.XML', 10, null],
    ['export.zip', 10, 'zip'],
    ['photo.jpg', 10, 'not_xml'],
    ['export.xml', 0, 'empty'],
  ] as const)('%s (%d bytes) -> %s', (name, size, problem) => {
    expect(checkImportFile({ name, size })).toBe(problem);
  });

  it('cuts a file into whole parts with the rest in the last', () => {
    const size = 20 * 1024 * 1024 + 5;
    const part = 8 * 1024 * 1024;
    expect(partCount(size, part)).toBe(3);
    expect(partRange(0, part, size)).toEqual([0, part]);
    expect(partRange(2, part, size)).toEqual([2 * part, size]);
    expect(partCount(part, part)).toBe(1);
  });

  it('reports the share read so far, capped at 100', () => {
    expect(processedPercent({ bytesProcessed: 50, sizeBytes: 200 })).toBe(25);
    expect(processedPercent({ bytesProcessed: 300, sizeBytes: 200 })).toBe(100);
    expect(processedPercent({ bytesProcessed: 0, sizeBytes: 0 })).toBe(0);
  });

  it('lists stored types largest first, leaving out empty ones', () => {
    expect(storedByType({ steps: 10, glucose: 40, weight: 0, sleep: 10 })).toEqual([
      ['glucose', 40],
      ['sleep', 10],
      ['steps', 10],
    ]);
  });
});
