// Plain-language explanations of abnormal results, from the reviewed content table in packages/clinical.
import { explainResult } from '@careloop/clinical';
import type { CheckupFlag, CheckupItemExplanation } from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';

const FLAG_TEXT: Readonly<Record<CheckupFlag, { zh: string; en: string }>> = {
  N: { zh: '正常', en: 'Normal' },
  H: { zh: '偏高', en: 'High' },
  L: { zh: '偏低', en: 'Low' },
  HH: { zh: '危急偏高', en: 'Critically high' },
  LL: { zh: '危急偏低', en: 'Critically low' },
  A: { zh: '异常', en: 'Abnormal' },
};

// For items the content table does not cover (not yet mapped to a code, or a code without an entry): no invented
// medicine, only what is true of any result outside its reference range.
const GENERIC = {
  zh: {
    measures: '本项目暂无通俗解读。',
    meaning: '该结果超出了参考范围。单次结果异常不一定代表疾病，需要结合其他检查和您的身体情况判断。',
    nextSteps: '请把本报告交给医生或健康管理师，询问是否需要复查或进一步检查。',
  },
  en: {
    measures: 'There is no plain-language explanation of this item yet.',
    meaning:
      'The result is outside the reference range. One abnormal result does not always mean an illness; it is judged together with other tests and your health.',
    nextSteps:
      'Show this report to your doctor or health manager and ask whether a retest or further tests are needed.',
  },
} as const;

export function flagText(flag: CheckupFlag, language: Language): string {
  return language === 'zh-CN' ? FLAG_TEXT[flag].zh : FLAG_TEXT[flag].en;
}

/** The explanation of an abnormal item; undefined for a normal one. */
export function explainItem(
  item: { codeSystem: 'loinc' | 'local'; code: string; flag: CheckupFlag | null },
  language: Language,
): CheckupItemExplanation | undefined {
  if (item.flag === null || item.flag === 'N') return undefined;
  // 'A' (abnormal without a direction, e.g. a positive urine test) has no entry in the content table.
  const content =
    item.codeSystem === 'loinc' && item.flag !== 'A'
      ? explainResult({ loinc: item.code, flag: item.flag }, language)
      : undefined;
  const text = content ?? (language === 'zh-CN' ? GENERIC.zh : GENERIC.en);
  return {
    flagText: flagText(item.flag, language),
    measures: text.measures,
    meaning: text.meaning,
    nextSteps: text.nextSteps,
    sources: content ? [...content.sources] : [],
  };
}
