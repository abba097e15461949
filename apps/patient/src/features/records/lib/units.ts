// UCUM units as people read them. `/min` is a word ("bpm", 次/分) and comes from the dictionary.
const SHOWN: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  umol: 'μmol',
  'umol/L': 'μmol/L',
  'kg/m2': 'kg/m²',
  '10*9/L': '×10⁹/L',
  '10*12/L': '×10¹²/L',
  '10*3/uL': '×10³/μL',
  'u/L': 'U/L',
};

export function displayUnit(unit: string | null | undefined, perMinute: string): string {
  if (!unit) return '';
  if (unit === '/min') return perMinute;
  return SHOWN[unit] ?? unit;
}

/** A value with its unit in the reader's language: `6.5 mmol/L`, `152 mmHg`, `72 次/分`; text results as they are. */
export function formatQuantity(
  value: number | null,
  valueText: string | null,
  unit: string | null,
  locale: string,
  perMinute: string,
): string {
  if (value === null) return valueText ?? '';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  const shown = displayUnit(unit, perMinute);
  return shown ? `${number} ${shown}` : number;
}

export function formatBytes(bytes: number, locale: string): string {
  const format = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}
