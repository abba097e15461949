import { describe, expect, it } from 'vitest';
import { ICD10_CODES } from './codes.ts';
import { searchIcd10 } from './search.ts';

const codes = (query: string, limit?: number) =>
  searchIcd10(query, limit === undefined ? {} : { limit }).map((c) => c.code);

describe('searchIcd10', () => {
  it('puts the exact code first, then the codes under it', () => {
    expect(codes('E11')).toEqual([
      'E11',
      'E11.0',
      'E11.1',
      'E11.2',
      'E11.3',
      'E11.4',
      'E11.5',
      'E11.6',
      'E11.7',
      'E11.8',
      'E11.9',
    ]);
    expect(codes('e11.9')[0]).toBe('E11.9');
    expect(codes('I10.x')[0]).toBe('I10');
  });

  it('matches a code prefix without the dot', () => {
    expect(codes('K76')[0]).toBe('K76');
    expect(codes('k760')).toEqual(['K76.0']);
    expect(codes('N18').slice(0, 7)).toEqual(['N18', 'N18.1', 'N18.2', 'N18.3', 'N18.4', 'N18.5', 'N18.9']);
  });

  it('finds Chinese names by substring, names that start with the query first', () => {
    expect(codes('脂肪肝')).toEqual(['K76.0', 'K70.0']);
    expect(codes('高血压')).toContain('I10');
    expect(codes('慢性肾脏病')[0]).toBe('N18');
  });

  it('folds full-width brackets, so ASCII brackets find the standard name', () => {
    expect(codes('特发性(原发性)高血压')).toEqual(['I10']);
  });

  it('finds English titles case-insensitively at word starts', () => {
    expect(codes('HYPERTENSION')).toContain('I10');
    expect(codes('fatty')[0]).toBe('K76.0');
    expect(codes('tension')).not.toContain('I10');
  });

  it('finds the pinyin initials of Chinese names', () => {
    expect(codes('gxy')).toContain('I10');
    // The everyday name comes first: 高血压 and its initials find I10 before longer titles that start with it.
    expect(codes('gxy')[0]).toBe('I10');
    expect(codes('高血压')[0]).toBe('I10');
    expect(codes('tnb')[0]).toBe('E11.9');
    expect(codes('zfg')[0]).toBe('K76.0');
    const tnb = searchIcd10('tnb', { limit: 100 });
    expect(tnb.map((c) => c.code)).toEqual(expect.arrayContaining(['E10', 'E11', 'E11.9', 'E14']));
    // Initials match anywhere in a name (其他内部… also holds t-n-b), but the everyday 糖尿病 (E11.9) and then
    // names starting with 糖尿病 rank first.
    expect(tnb[1]?.zh).toMatch(/^糖尿病/);
    expect(tnb.filter((c) => c.zh.includes('糖尿病')).length).toBeGreaterThan(20);
    expect(codes('zfg')).toContain('K76.0');
  });

  it('returns 20 results by default and honours the limit', () => {
    expect(codes('a')).toHaveLength(20);
    expect(codes('a', 5)).toHaveLength(5);
    expect(codes('a', 0)).toEqual([]);
  });

  it('returns nothing for an empty or unmatched query', () => {
    expect(codes('')).toEqual([]);
    expect(codes('   ')).toEqual([]);
    expect(codes('zzzzqqq')).toEqual([]);
  });

  it('searches the whole table quickly once warm', () => {
    searchIcd10('warm up');
    const start = Date.now();
    const all = searchIcd10('e', { limit: ICD10_CODES.length });
    const elapsed = Date.now() - start;
    expect(all.length).toBeGreaterThan(100);
    // Typically well under 50 ms; the bound is loose so a busy machine does not fail the test.
    expect(elapsed).toBeLessThan(200);
  });
});
