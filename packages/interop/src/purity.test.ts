import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Architecture principle 12: packages/interop does no I/O. Its source may import only its own files;
// tests, which read sample files, are the exception.
const srcDir = new URL('./', import.meta.url);
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter(
  (path) => path.endsWith('.ts') && !path.endsWith('.test.ts'),
);
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g;

describe('packages/interop purity', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources)('%s imports only files of this package', (path) => {
    const text = readFileSync(new URL(path, srcDir), 'utf8');
    const specifiers = [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2]);
    expect(specifiers.filter((s) => !s?.startsWith('./') && !s?.startsWith('../'))).toEqual([]);
    expect(text).not.toMatch(/\b(?:require\(|process\.|fetch\()/);
  });
});
