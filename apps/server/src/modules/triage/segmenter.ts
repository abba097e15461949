import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { tokenizeEnglish, type TriageLang } from '@careloop/clinical';

// Tokens for the triage engine and classifier: jieba for Chinese, lower-cased words for English. The jieba
// dictionary takes about 300 ms to load, so it is loaded once, on first use, and shared by every request.

let jieba: Jieba | undefined;

export function segment(text: string, lang: TriageLang): string[] {
  if (lang === 'en') return tokenizeEnglish(text);
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text);
}
