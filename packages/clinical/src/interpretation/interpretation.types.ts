// Types of the plain-language result explanations shown to patients.
import type { AnalyteKey } from '../analytes.ts';

export type InterpretationLanguage = 'zh-CN' | 'en-US';

export type LocalizedText = Readonly<Record<InterpretationLanguage, string>>;

export interface AnalyteInterpretation {
  readonly analyte: AnalyteKey;
  /** What the test or measurement measures, one or two sentences. */
  readonly measures: LocalizedText;
  /** What a high value may mean; common, mostly harmless causes first. */
  readonly high: LocalizedText;
  /** What a low value may mean, or that a low value is usually of no concern. */
  readonly low: LocalizedText;
  /** What to do next: retest, lifestyle, which department and how soon. */
  readonly nextSteps: { readonly high: LocalizedText; readonly low: LocalizedText };
  /** Guidelines and standards the text follows. */
  readonly sources: readonly string[];
  /** Who checked the text against what, and when. */
  readonly review: { readonly checkedAgainst: readonly string[]; readonly on: string };
}

/** An interpretation before its analyte key is attached (the key is the record key). */
export type InterpretationContent = Omit<AnalyteInterpretation, 'analyte'>;
