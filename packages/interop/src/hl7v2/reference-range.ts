export interface ReferenceRange {
  /** OBX-7 as sent. */
  readonly text: string;
  readonly low?: number;
  readonly high?: number;
}

const MAX_RANGE_LENGTH = 64;
const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;
const BETWEEN = new RegExp(String.raw`^(${NUMBER})\s*(?:-|_|to)\s*(${NUMBER})$`, 'i');
const BELOW = new RegExp(String.raw`^<=?\s*(${NUMBER})$`);
const ABOVE = new RegExp(String.raw`^>=?\s*(${NUMBER})$`);

/** OBX-7 in the forms labs send: "70-105", "70_105" (the standard's own example), "<5", ">60". */
export function parseReferenceRange(text: string): ReferenceRange {
  const trimmed = text.trim();
  // Real ranges are short; a cap keeps the patterns below linear on hostile input.
  if (trimmed.length > MAX_RANGE_LENGTH) return { text };
  const between = BETWEEN.exec(trimmed);
  if (between) return { text, low: Number(between[1]), high: Number(between[2]) };
  const below = BELOW.exec(trimmed);
  if (below) return { text, high: Number(below[1]) };
  const above = ABOVE.exec(trimmed);
  if (above) return { text, low: Number(above[1]) };
  return { text };
}
