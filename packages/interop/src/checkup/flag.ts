// Abnormal flags as reports print them (↑ ↓ H L 偏高 偏低 危急 ...), mapped to HL7 table 0078 codes.
import { toHalfWidth } from './text.ts';
import type { ItemFlag } from './types.ts';

const FLAGS: Readonly<Record<string, ItemFlag>> = {
  n: 'N',
  正常: 'N',
  normal: 'N',
  h: 'H',
  '↑': 'H',
  高: 'H',
  偏高: 'H',
  升高: 'H',
  high: 'H',
  hu: 'H',
  l: 'L',
  '↓': 'L',
  低: 'L',
  偏低: 'L',
  降低: 'L',
  low: 'L',
  lu: 'L',
  hh: 'HH',
  '↑↑': 'HH',
  极高: 'HH',
  危急高: 'HH',
  危急值高: 'HH',
  '危急↑': 'HH',
  '危急值↑': 'HH',
  '↑!': 'HH',
  '!↑': 'HH',
  ll: 'LL',
  '↓↓': 'LL',
  极低: 'LL',
  危急低: 'LL',
  危急值低: 'LL',
  '危急↓': 'LL',
  '危急值↓': 'LL',
  '↓!': 'LL',
  '!↓': 'LL',
  a: 'A',
  aa: 'A',
  '*': 'A',
  '!': 'A',
  异常: 'A',
  阳性: 'A',
  abnormal: 'A',
  pos: 'A',
  危急: 'A',
  危急值: 'A',
};

/** Half-width, lower-case, without spaces or a trailing "值"/"(...)" noise. */
const normalise = (text: string): string =>
  toHalfWidth(text)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[()[\]]/g, '');

const BLANK = new Set(['', '-', '--', '/', '—', '无', 'none']);

/** A flag cell that says "no flag" ('', '-', '/', '无'). */
export const isBlankFlag = (text: string): boolean => BLANK.has(normalise(text));

/**
 * A printed flag as N/H/L/HH/LL/A; undefined for an empty or unknown text. '危急' (critical) without a
 * direction is 'A'; itemFromCells turns it into HH or LL when the value and range show which.
 */
export function parseFlag(text: string): ItemFlag | undefined {
  const key = normalise(text);
  if (key === '' || key.length > 12) return undefined;
  return FLAGS[key];
}

/** Whether a printed flag says "critical" (危急/critical/panic/!!). */
export const isCriticalText = (text: string): boolean => /危急|critical|panic|!!/i.test(text);
