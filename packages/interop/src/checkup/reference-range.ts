// Reference ranges as Chinese checkup reports print them: "3.9-6.1", "3.9～6.1", "3.9--6.1", "3.9至6.1",
// "<5.2", "≤40", ">1.04", "≥1.04", "阴性", and sex-specific ones such as "男:40-150 女:35-135".
import { clip, toHalfWidth } from './text.ts';

export interface ParsedRange {
  /** The range as written (trimmed), kept even when numbers were read from it. */
  readonly refText?: string;
  readonly refLow?: number;
  readonly refHigh?: number;
}

const NUM = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)`;
// A trailing unit ("3.9-6.1 mmol/L") is allowed and ignored.
const UNIT_TAIL = String.raw`(?:\s*[A-Za-zµμ%/*^.\d]*)?`;
const BETWEEN = new RegExp(String.raw`^(${NUM})\s*(?:--|-|~|—|–|－|至|到|to|_)\s*(${NUM})${UNIT_TAIL}$`, 'i');
const AT_MOST = new RegExp(String.raw`^(?:<=|≤|=<|<|小于等于|小于|低于|不超过)\s*(${NUM})${UNIT_TAIL}$`);
const AT_LEAST = new RegExp(String.raw`^(?:>=|≥|=>|>|大于等于|大于|高于|不低于)\s*(${NUM})${UNIT_TAIL}$`);
const SEX_PART = /(男性?|女性?|male|female|\bm\b|\bf\b)\s*[:：]?\s*([^;；,，男女]*)/gi;

function numeric(text: string): Omit<ParsedRange, 'refText'> | undefined {
  const between = BETWEEN.exec(text);
  if (between) {
    const low = Number(between[1]);
    const high = Number(between[2]);
    return low <= high ? { refLow: low, refHigh: high } : undefined;
  }
  const atMost = AT_MOST.exec(text);
  if (atMost) return { refHigh: Number(atMost[1]) };
  const atLeast = AT_LEAST.exec(text);
  if (atLeast) return { refLow: Number(atLeast[1]) };
  return undefined;
}

const stripBrackets = (text: string): string => text.replace(/^[([{]\s*(.*?)\s*[)\]}]$/, '$1');

/**
 * Reads the numbers of a reference range. With the patient's sex, a sex-specific range gives that sex's
 * numbers; without it only the text is kept. Unreadable ranges keep their text and no numbers.
 */
export function parseReferenceRange(text: string, sex?: 'male' | 'female' | 'unknown'): ParsedRange {
  const refText = clip(toHalfWidth(text).replace(/\s+/g, ' ').trim(), 200);
  if (refText === '') return {};
  const plain = stripBrackets(refText);
  if (plain.length <= 64) {
    const found = numeric(plain);
    if (found) return { refText, ...found };
  }
  if (sex === 'male' || sex === 'female') {
    for (const match of refText.matchAll(SEX_PART)) {
      const label = (match[1] ?? '').toLowerCase();
      const partSex = label.startsWith('男') || label.startsWith('m') ? 'male' : 'female';
      const part = stripBrackets((match[2] ?? '').trim());
      if (partSex === sex && part.length <= 64) {
        const found = numeric(part);
        if (found) return { refText, ...found };
      }
    }
  }
  return { refText };
}
