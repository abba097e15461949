import type { Hl7Delimiters, Hl7Segment } from './types.ts';

// Parsed segments remember the exact text they came from (terminator, blank lines and escape spellings
// included) so an unmodified message serializes to the same bytes. Segments are readonly, so "modified"
// means a new object, which has no entry here and is encoded afresh.
const sourceTexts = new WeakMap<Hl7Segment, { text: string; delimiters: Hl7Delimiters }>();

export function rememberSourceText(segment: Hl7Segment, text: string, delimiters: Hl7Delimiters): void {
  sourceTexts.set(segment, { text, delimiters });
}

export function sourceTextOf(segment: Hl7Segment, delimiters: Hl7Delimiters): string | undefined {
  const source = sourceTexts.get(segment);
  return source && source.delimiters === delimiters ? source.text : undefined;
}
