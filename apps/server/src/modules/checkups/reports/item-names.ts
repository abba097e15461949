// What a stored item is called on screen and in the PDF, and which section of a checkup it belongs to.
import { analyteByLoinc, type AnalyteKey } from '@careloop/clinical';
import type { CheckupItemCategory } from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';

const CATEGORY: Readonly<Record<AnalyteKey, CheckupItemCategory>> = {
  glucose: 'glucose',
  'fasting-glucose': 'glucose',
  hba1c: 'glucose',
  'total-cholesterol': 'lipids',
  'ldl-cholesterol': 'lipids',
  'hdl-cholesterol': 'lipids',
  triglycerides: 'lipids',
  creatinine: 'kidney',
  'uric-acid': 'kidney',
  alt: 'liver',
  ast: 'liver',
  hemoglobin: 'blood_count',
  wbc: 'blood_count',
  platelets: 'blood_count',
  potassium: 'electrolytes',
  sodium: 'electrolytes',
  'systolic-bp': 'vitals',
  'diastolic-bp': 'vitals',
  'heart-rate': 'vitals',
  bmi: 'body',
  'body-weight': 'body',
  'body-height': 'body',
};

/** Sections in the order a checkup report prints them. */
export const CATEGORY_ORDER: readonly CheckupItemCategory[] = [
  'body',
  'vitals',
  'blood_count',
  'glucose',
  'lipids',
  'liver',
  'kidney',
  'electrolytes',
  'other',
];

export const CATEGORY_LABELS: Readonly<Record<CheckupItemCategory, { zh: string; en: string }>> = {
  body: { zh: '一般检查', en: 'Body measurements' },
  vitals: { zh: '血压与心率', en: 'Blood pressure and heart rate' },
  blood_count: { zh: '血常规', en: 'Blood count' },
  glucose: { zh: '血糖', en: 'Blood glucose' },
  lipids: { zh: '血脂', en: 'Blood lipids' },
  liver: { zh: '肝功能', en: 'Liver function' },
  kidney: { zh: '肾功能', en: 'Kidney function' },
  electrolytes: { zh: '电解质', en: 'Electrolytes' },
  other: { zh: '其他项目', en: 'Other items' },
};

export function itemCategory(codeSystem: string, code: string): CheckupItemCategory {
  if (codeSystem !== 'loinc') return 'other';
  const analyte = analyteByLoinc(code);
  return analyte ? CATEGORY[analyte.key] : 'other';
}

/** The code table's name in the reader's language when the item is mapped, else the name the source wrote. */
export function itemDisplayName(
  item: { codeSystem: string; code: string; localName: string },
  language: Language,
): string {
  const analyte = item.codeSystem === 'loinc' ? analyteByLoinc(item.code) : undefined;
  if (!analyte) return item.localName;
  return language === 'zh-CN' ? analyte.zh : analyte.en;
}
