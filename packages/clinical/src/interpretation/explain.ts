// Plain-language explanations of a result: what the test measures, what a flagged value may mean and what to do.
// Critical flags (HH, LL) put an urgency sentence first and replace the routine advice with "seek care now".
import { ANALYTES, analyteByLoinc, type AnalyteKey } from '../analytes.ts';
import type { Flag } from '../flags.ts';
import { METABOLIC } from './content/metabolic.ts';
import { ORGANS_AND_BLOOD } from './content/organs-and-blood.ts';
import { VITALS } from './content/vitals.ts';
import type {
  AnalyteInterpretation,
  InterpretationContent,
  InterpretationLanguage,
  LocalizedText,
} from './interpretation.types.ts';

// Assigning the spread to a full Record makes the compiler reject a missing analyte.
const CONTENT: Readonly<Record<AnalyteKey, InterpretationContent>> = {
  ...METABOLIC,
  ...ORGANS_AND_BLOOD,
  ...VITALS,
};

const BY_KEY: ReadonlyMap<AnalyteKey, AnalyteInterpretation> = new Map(
  [...new Set(ANALYTES.map((a) => a.key))].map((analyte) => [analyte, { analyte, ...CONTENT[analyte] }]),
);

const NORMAL: { readonly meaning: LocalizedText; readonly nextSteps: LocalizedText } = {
  meaning: {
    'zh-CN': '本次结果在参考范围内。参考范围适用于大多数人，请结合您的整体情况由医生一并判断。',
    'en-US':
      'This result is within the reference range. Reference ranges fit most people; your doctor will read it together with your overall health.',
  },
  nextSteps: {
    'zh-CN': '保持健康的生活方式，按医生建议或常规体检定期复查。',
    'en-US': 'Keep a healthy lifestyle and recheck at your routine checkups or as your doctor advises.',
  },
};

const URGENT: { readonly meaning: LocalizedText; readonly nextSteps: LocalizedText } = {
  meaning: {
    'zh-CN': '本次结果明显偏离正常，已达到需要紧急处理的程度（危急值）。',
    'en-US':
      'This result is far outside the normal range, at a level that needs urgent attention (a critical value).',
  },
  nextSteps: {
    'zh-CN':
      '请今天就联系您的医生或到急诊就诊，不要等待常规复查。如有胸痛、呼吸困难、意识模糊、抽搐、晕厥或严重乏力，请立即拨打120。',
    'en-US':
      'Contact your doctor or go to an emergency department today; do not wait for a routine recheck. If you have chest pain, difficulty breathing, confusion, seizures, fainting or severe weakness, call emergency services (120 in China) now.',
  },
};

export interface ResultExplanation {
  readonly measures: string;
  readonly meaning: string;
  readonly nextSteps: string;
  readonly sources: readonly string[];
}

/** The explanation texts for an analyte. */
export function interpretationFor(key: AnalyteKey): AnalyteInterpretation {
  const found = BY_KEY.get(key);
  // CONTENT is a full Record over AnalyteKey, so every key has an entry.
  if (found === undefined) throw new Error(`No interpretation for ${key}`);
  return found;
}

/** The explanation texts for a LOINC code listed in analytes.ts; undefined for other codes. */
export function interpretationForLoinc(loinc: string): AnalyteInterpretation | undefined {
  const analyte = analyteByLoinc(loinc.trim());
  return analyte === undefined ? undefined : interpretationFor(analyte.key);
}

function branch(
  it: AnalyteInterpretation,
  flag: Flag,
): { readonly meaning: LocalizedText; readonly nextSteps: LocalizedText; readonly urgent: boolean } {
  switch (flag) {
    case 'N':
      return { ...NORMAL, urgent: false };
    case 'H':
      return { meaning: it.high, nextSteps: it.nextSteps.high, urgent: false };
    case 'L':
      return { meaning: it.low, nextSteps: it.nextSteps.low, urgent: false };
    case 'HH':
      return { meaning: it.high, nextSteps: URGENT.nextSteps, urgent: true };
    case 'LL':
      return { meaning: it.low, nextSteps: URGENT.nextSteps, urgent: true };
  }
}

/**
 * What a flagged result means for the patient, in their language; undefined when the LOINC code is not one of
 * ours. HH and LL lead with an urgency sentence and ask the patient to seek care today.
 */
export function explainResult(
  result: { readonly loinc: string; readonly flag: Flag },
  language: InterpretationLanguage,
): ResultExplanation | undefined {
  const it = interpretationForLoinc(result.loinc);
  if (it === undefined) return undefined;
  const { meaning, nextSteps, urgent } = branch(it, result.flag);
  const separator = language === 'zh-CN' ? '' : ' ';
  return {
    measures: it.measures[language],
    meaning: urgent ? `${URGENT.meaning[language]}${separator}${meaning[language]}` : meaning[language],
    nextSteps: nextSteps[language],
    sources: it.sources,
  };
}
