// Blood pressure categories, Chinese guidelines for the management of hypertension, 2018 revision (中国高血压防治
// 指南 2018年修订版; the 2024 revision keeps the same grades), as listed in clinical.md. All values in mm Hg.
import { bandOf, type Band } from './bands.ts';

export type OfficeBpCategory = 'normal' | 'high-normal' | 'grade-1' | 'grade-2' | 'grade-3';

// Office BP: normal < 120/80; high-normal 120-139 / 80-89; grade 1 140-159 / 90-99; grade 2 160-179 / 100-109;
// grade 3 >= 180 / >= 110.
const SYSTOLIC_BANDS: readonly Band<OfficeBpCategory>[] = [
  { below: 120, band: 'normal' },
  { below: 140, band: 'high-normal' },
  { below: 160, band: 'grade-1' },
  { below: 180, band: 'grade-2' },
  { band: 'grade-3' },
];
const DIASTOLIC_BANDS: readonly Band<OfficeBpCategory>[] = [
  { below: 80, band: 'normal' },
  { below: 90, band: 'high-normal' },
  { below: 100, band: 'grade-1' },
  { below: 110, band: 'grade-2' },
  { band: 'grade-3' },
];

const SEVERITY: readonly OfficeBpCategory[] = ['normal', 'high-normal', 'grade-1', 'grade-2', 'grade-3'];

/** The office BP category; when systolic and diastolic fall in different categories the higher one counts. */
export function classifyOfficeBp(systolic: number, diastolic: number): OfficeBpCategory {
  const s = bandOf(systolic, SYSTOLIC_BANDS);
  const d = bandOf(diastolic, DIASTOLIC_BANDS);
  return SEVERITY.indexOf(s) >= SEVERITY.indexOf(d) ? s : d;
}

export type BpSetting = 'office' | 'home' | 'ambulatory-24h' | 'ambulatory-day' | 'ambulatory-night';

// Hypertension thresholds by setting: office >= 140/90; home >= 135/85; ambulatory 24 h >= 130/80,
// daytime >= 135/85, night >= 120/70.
const HYPERTENSION_THRESHOLDS: Readonly<Record<BpSetting, { systolic: number; diastolic: number }>> = {
  office: { systolic: 140, diastolic: 90 },
  home: { systolic: 135, diastolic: 85 },
  'ambulatory-24h': { systolic: 130, diastolic: 80 },
  'ambulatory-day': { systolic: 135, diastolic: 85 },
  'ambulatory-night': { systolic: 120, diastolic: 70 },
};

/** Whether a (mean) reading meets the hypertension threshold of its setting: either component suffices. */
export function meetsHypertensionThreshold(systolic: number, diastolic: number, setting: BpSetting): boolean {
  const t = HYPERTENSION_THRESHOLDS[setting];
  return systolic >= t.systolic || diastolic >= t.diastolic;
}
