// Plain-language explanations of lab results and measurements for patients, in Chinese and English.
export type { AnalyteInterpretation, InterpretationLanguage, LocalizedText } from './interpretation.types.ts';
export {
  explainResult,
  interpretationFor,
  interpretationForLoinc,
  type ResultExplanation,
} from './explain.ts';
