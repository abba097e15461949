// Smart triage: knowledge base (symptoms, red flags with sources), a pure engine and a naive Bayes classifier.
export * from './triage.types.ts';
export { TRIAGE_SOURCES, RED_FLAG_RULES, firedRedFlags } from './red-flags.ts';
export { tokenizeEnglish, matchSymptoms } from './match-symptoms.ts';
export { readDetails } from './read-details.ts';
export { TRIAGE_QUESTION_LIMIT, AGE_OPTIONS, DURATION_OPTIONS, BASIC_QUESTIONS } from './questions.ts';
export { rankDepartments, PEDIATRIC_AGE_LIMIT_YEARS, type RankOptions } from './rank-departments.ts';
export { decideUrgency } from './urgency.ts';
export {
  DEFAULT_SYMPTOMS,
  DEFAULT_KNOWLEDGE,
  emptyFacts,
  addText,
  applyAnswer,
  runTriage,
  hasSymptoms,
  TriageAnswerError,
  type TriageKnowledgeBase,
} from './engine.ts';
export { detectLanguage, type DetectedLanguage } from './language.ts';
export { applyOverrides, validateOverride, type SymptomOverride, type OverrideProblem } from './overrides.ts';
export * from './naive-bayes.ts';
export * from './evaluation-cases.ts';
export * from './evaluation.ts';
