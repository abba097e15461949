// Result cells: numbers ('7.2', '1,234', '1.5e3'), censored numbers ('<0.1', '>1000'), qualitative results
// ('阴性(-)', '+', '++', '±', 'negative'), sediment and titre counts ('0-3', '1:320'), and a number with the
// flag or the unit printed in the same cell ('7.2↑', '7.2 H', '7.2 mmol/L').
import { parseFlag } from './flag.ts';
import { clip, HAN, toHalfWidth } from './text.ts';
import type { ItemFlag } from './types.ts';

export type ResultKind = 'number' | 'censored' | 'text' | 'empty' | 'not_done' | 'bad_number';

export interface ParsedResult {
  /** The result without a flag printed after it. */
  readonly valueText: string;
  readonly valueNum?: number;
  readonly flag?: ItemFlag;
  /** A unit written after the number in the same cell. */
  readonly unit?: string;
  readonly kind: ResultKind;
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d{1,3})?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const CENSORED = /^(?:<=|>=|≤|≥|<|>)\s*(?:\d+(?:\.\d+)?|\.\d+)$/;
// Counts and semi-quantitative results that are text on purpose: 0-3, 1~2, 1:320, 3+, ++, +-, ±.
const SEMI_QUANTITATIVE = /^(?:\d+(?:\.\d+)?\s*[-~]\s*\d+(?:\.\d+)?|1\s*:\s*\d+|\d?\+{1,4}|[+-]{1,2}|±)$/;
const TRAILING_FLAG = /^(.*?\d)\s*(↑↑|↓↓|↑|↓|HH|LL|H|L|\*)$/;
const WITH_UNIT = /^(\S+?)\s*([A-Za-zµμ]{2,8}|%|[A-Za-zµμ]{1,6}\/[A-Za-z0-9^*.]{1,8})$/;
const NOT_DONE = /^(?:弃检|未检|未查|拒检|未做|放弃|缺项|未测|not done|refused)$/i;

function numberOf(text: string): number | undefined {
  if (NUMBER.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/,/g, ''));
  return undefined;
}

export function parseResultValue(text: string): ParsedResult {
  let valueText = clip(toHalfWidth(text).replace(/\s+/g, ' ').trim(), 200);
  if (valueText === '') return { valueText, kind: 'empty' };
  if (NOT_DONE.test(valueText)) return { valueText, kind: 'not_done' };
  let flag: ItemFlag | undefined;
  const flagged = TRAILING_FLAG.exec(valueText);
  if (flagged?.[1] !== undefined && flagged[2] !== undefined) {
    valueText = flagged[1].trim();
    flag = parseFlag(flagged[2]);
  }
  const withFlag = (result: ParsedResult): ParsedResult => (flag ? { ...result, flag } : result);
  const valueNum = numberOf(valueText);
  if (valueNum !== undefined && Number.isFinite(valueNum))
    return withFlag({ valueText, valueNum, kind: 'number' });
  const withUnit = WITH_UNIT.exec(valueText);
  const unitNum = withUnit?.[1] === undefined ? undefined : numberOf(withUnit[1]);
  if (
    withUnit?.[1] !== undefined &&
    withUnit[2] !== undefined &&
    unitNum !== undefined &&
    Number.isFinite(unitNum)
  ) {
    return withFlag({ valueText: withUnit[1], valueNum: unitNum, unit: withUnit[2], kind: 'number' });
  }
  if (CENSORED.test(valueText)) return withFlag({ valueText, kind: 'censored' });
  if (SEMI_QUANTITATIVE.test(valueText)) return withFlag({ valueText, kind: 'text' });
  // Words carry their own meaning ('阴性(-)', '阳性 1:100', 'cough for 2 weeks'); digits with a stray letter or
  // mark ('7.x', '12a', '7..2') are a typo.
  if (HAN.test(valueText) || !/\d/.test(valueText) || /[A-Za-z]{3}/.test(valueText)) {
    return withFlag({ valueText, kind: 'text' });
  }
  return { valueText, kind: 'bad_number' };
}
