import type { TriageLang } from './triage.types.ts';

// Which reader a text needs: Chinese when it has Han characters (and no Japanese kana or Korean hangul), English
// when it has latin letters; anything else (emoji only, digits, other scripts) cannot be triaged.

export type DetectedLanguage = TriageLang | 'other' | 'none';

export function detectLanguage(text: string): DetectedLanguage {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)) return 'other';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/[a-zA-Z]/.test(text)) return 'en';
  if (/\p{L}/u.test(text)) return 'other';
  return 'none';
}
