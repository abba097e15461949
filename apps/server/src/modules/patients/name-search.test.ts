import { describe, expect, it } from 'vitest';
import { nameSearchText } from './name-search.ts';

describe('name search text', () => {
  it('adds full pinyin and initials to Chinese names', () => {
    expect(nameSearchText('张小宇')).toBe('张小宇 zhangxiaoyu zxy');
  });
  it('keeps other scripts as lower case', () => {
    expect(nameSearchText('Mary O’Neil')).toBe('mary o’neil');
  });
});
