import { describe, expect, it } from 'vitest';
import { enUS } from './en-US.ts';
import type { MessageTree } from './messages.ts';
import { zhCN } from './zh-CN.ts';

const catalogs: Record<string, MessageTree> = { 'zh-CN': zhCN, 'en-US': enUS };

function leaves(tree: MessageTree, prefix = ''): Map<string, string | MessageTree> {
  const out = new Map<string, string | MessageTree>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.set(path, value);
    if (typeof value !== 'string') for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  const zh = leaves(zhCN);
  const en = leaves(enUS);

  it('has every zh-CN key in en-US', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('has every en-US key in zh-CN', () => {
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('uses the same kind (text or group) for a key in both languages', () => {
    const mismatched = [...zh].filter(([k, v]) => en.has(k) && typeof en.get(k) !== typeof v).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it.each(Object.entries(catalogs))('has no empty text or empty group in %s', (_locale, tree) => {
    const empty = [...leaves(tree)]
      .filter(([, v]) => (typeof v === 'string' ? v.trim() === '' : Object.keys(v).length === 0))
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} for a key in both languages', () => {
    const differing = [...zh]
      .filter(([k, v]) => {
        const other = en.get(k);
        return (
          typeof v === 'string' &&
          typeof other === 'string' &&
          placeholders(v).join() !== placeholders(other).join()
        );
      })
      .map(([k]) => k);
    expect(differing).toEqual([]);
  });
});
