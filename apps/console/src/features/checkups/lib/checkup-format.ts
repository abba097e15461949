import type { CheckupFlag, CheckupItem, CheckupItemCategory } from '@careloop/contracts';

/** Arrows that carry the direction in text, so a flag never depends on colour alone. */
const ARROWS: Record<CheckupFlag, string> = { N: '', H: '↑', L: '↓', HH: '↑↑', LL: '↓↓', A: '!' };

export function flagArrow(flag: CheckupFlag | null | undefined): string {
  return flag ? ARROWS[flag] : '';
}

export function isAbnormal(flag: CheckupFlag | null | undefined): boolean {
  return flag !== null && flag !== undefined && flag !== 'N';
}

export function isCritical(flag: CheckupFlag | null | undefined): boolean {
  return flag === 'HH' || flag === 'LL';
}

/** A UCUM unit as people write it: mm[Hg] -> mmHg (the brackets are UCUM syntax, not part of the name). */
export function displayUnit(unit: string | null | undefined): string {
  return (unit ?? '').replace(/\[([A-Za-z]+)\]/g, '$1');
}

/** A number as written in reports: no float noise (6.1000000001 -> 6.1), up to 4 decimals, kept as given. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(4)));
}

/** The value of an item with its unit: "7.2 mmol/L", or the text result ("阳性 (+)"). */
export function formatValue(item: Pick<CheckupItem, 'valueNum' | 'valueText' | 'unit'>): string {
  if (item.valueNum !== null)
    return item.unit ? `${formatNumber(item.valueNum)} ${item.unit}` : formatNumber(item.valueNum);
  return item.valueText ?? '';
}

/** The reference range: "3.9–6.1", "< 5.2", "≥ 1.0", or the source's own text; unit appended when known. */
export function formatRange(item: Pick<CheckupItem, 'refLow' | 'refHigh' | 'refText' | 'unit'>): string {
  let range: string;
  if (item.refLow !== null && item.refHigh !== null) {
    range = `${formatNumber(item.refLow)}–${formatNumber(item.refHigh)}`;
  } else if (item.refHigh !== null) {
    range = `< ${formatNumber(item.refHigh)}`;
  } else if (item.refLow !== null) {
    range = `≥ ${formatNumber(item.refLow)}`;
  } else {
    return item.refText ?? '';
  }
  return item.unit ? `${range} ${displayUnit(item.unit)}` : range;
}

/** The order the report shows categories in: the ones a checkup letter talks about first. */
export const CATEGORY_ORDER: readonly CheckupItemCategory[] = [
  'vitals',
  'body',
  'glucose',
  'lipids',
  'liver',
  'kidney',
  'blood_count',
  'electrolytes',
  'other',
];

/** Items grouped by category in CATEGORY_ORDER, each group keeping the server's order; empty groups left out. */
export function groupByCategory<T extends Pick<CheckupItem, 'category'>>(
  items: readonly T[],
): { category: CheckupItemCategory; items: T[] }[] {
  const groups = new Map<CheckupItemCategory, T[]>();
  for (const item of items) {
    const list = groups.get(item.category);
    if (list) list.push(item);
    else groups.set(item.category, [item]);
  }
  return CATEGORY_ORDER.filter((c) => groups.has(c)).map((category) => ({
    category,
    items: groups.get(category) ?? [],
  }));
}

/** Splits a report's items into the abnormal ones (the server's order: critical first) and the rest. */
export function splitAbnormal<T extends Pick<CheckupItem, 'flag'>>(
  items: readonly T[],
): { abnormal: T[]; normal: T[] } {
  const abnormal: T[] = [];
  const normal: T[] = [];
  for (const item of items) (isAbnormal(item.flag) ? abnormal : normal).push(item);
  return { abnormal, normal };
}
