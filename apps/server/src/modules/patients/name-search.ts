import { pinyin } from 'pinyin-pro';

/**
 * The text a staff search matches a name against: the name itself, its full pinyin and its initials, so that
 * 张小宇 is found by "小宇", "zhangxiaoyu" or "zxy" — how people type names on a Chinese keyboard.
 */
export function nameSearchText(name: string): string {
  const lower = name.toLowerCase().normalize('NFKC');
  if (!/[\u3400-\u9fff]/.test(lower)) return lower;
  const full = pinyin(lower, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const initials = pinyin(lower, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return `${lower} ${full.join('').replace(/\s+/g, '')} ${initials.join('').replace(/\s+/g, '')}`;
}
