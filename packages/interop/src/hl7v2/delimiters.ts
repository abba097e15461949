import { Hl7ParseError } from './errors.ts';
import type { Hl7Delimiters } from './types.ts';

const UNUSABLE = /[A-Za-z0-9\s]/;

/** Reads the delimiters a header segment (MSH, BHS, FHS) declares in its fields 1 and 2. */
export function readDelimiters(line: string, lineNumber: number): Hl7Delimiters {
  const field = line.charAt(3);
  const end = line.indexOf(field, 4);
  const encoding = end === -1 ? line.slice(4) : line.slice(4, end);
  const chars = [field, ...encoding];
  const usable =
    field !== '' &&
    (encoding.length === 4 || encoding.length === 5) &&
    chars.every((c) => !UNUSABLE.test(c)) &&
    new Set(chars).size === chars.length;
  const [component, repetition, escape, subcomponent, truncation] = [...encoding];
  if (!usable || !component || !repetition || !escape || !subcomponent) {
    throw new Hl7ParseError('BAD_DELIMITERS', lineNumber, JSON.stringify(line.slice(0, 9)));
  }
  return truncation
    ? { field, component, repetition, escape, subcomponent, truncation }
    : { field, component, repetition, escape, subcomponent };
}
