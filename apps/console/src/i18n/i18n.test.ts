import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a message tree as `path -> value`. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [inner, leaf] of leaves(value, path)) found.set(inner, leaf);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

const languages = { 'zh-CN': leaves(zhCN), 'en-US': leaves(enUS) };

function placeholders(text: unknown): string[] {
  return typeof text === 'string'
    ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort()
    : [];
}

describe('console translations', () => {
  it('has every Chinese key in English', () => {
    const missing = [...languages['zh-CN'].keys()].filter((key) => !languages['en-US'].has(key));
    expect(missing).toEqual([]);
  });

  it('has every English key in Chinese', () => {
    const missing = [...languages['en-US'].keys()].filter((key) => !languages['zh-CN'].has(key));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(languages))('has no empty or non-text value in %s', (_language, messages) => {
    const empty = [...messages].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differing = [...languages['zh-CN']].filter(
      ([key, value]) => placeholders(value).join() !== placeholders(languages['en-US'].get(key)).join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});
