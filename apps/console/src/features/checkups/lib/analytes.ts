import type { Analyte } from '../api/analytes-api';

/** "空腹血糖 (14771-0, mmol/L)" in the UI language. */
export function analyteLabel(analyte: Analyte, language: string): string {
  const name = language === 'en-US' ? analyte.en : analyte.zh;
  return analyte.unit ? `${name} (${analyte.loinc}, ${analyte.unit})` : `${name} (${analyte.loinc})`;
}

/** Whether a search text finds an analyte: in its code or either name, ignoring case and spaces. */
export function matchesAnalyte(analyte: Analyte, input: string): boolean {
  const needle = input.replace(/\s+/g, '').toLowerCase();
  if (needle === '') return true;
  return [analyte.loinc, analyte.zh, analyte.en].some((text) =>
    text.replace(/\s+/g, '').toLowerCase().includes(needle),
  );
}

/** The name of a code in the UI language, or the code itself when the table does not know it. */
export function analyteName(
  analytes: readonly Analyte[] | undefined,
  code: string,
  language: string,
): string {
  const analyte = analytes?.find((a) => a.loinc === code);
  if (!analyte) return code;
  return language === 'en-US' ? analyte.en : analyte.zh;
}
