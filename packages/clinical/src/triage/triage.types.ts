// Types of the triage knowledge base and engine. The knowledge base is data (symptoms.ts, red-flags.ts); the
// engine (engine.ts) is a pure function of the facts gathered so far.

export type TriageUrgencyLevel = 'emergency' | 'within_24h' | 'routine' | 'self_care';
export type TriageLang = 'zh' | 'en';
export type Severity = 'mild' | 'moderate' | 'severe';
export type Sex = 'male' | 'female';

/** The departments the knowledge base routes to (codes as in the demo organization's departments). */
export const TRIAGE_DEPARTMENTS = [
  'cardiology',
  'endocrinology',
  'respiratory',
  'gastroenterology',
  'neurology',
  'general-practice',
  'pediatrics',
  'obstetrics-gynecology',
] as const;
export type TriageDepartmentCode = (typeof TRIAGE_DEPARTMENTS)[number];

export interface SymptomDef {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Words patients use, colloquial ones included; matched as substrings of the Chinese text. */
  synonymsZh: readonly string[];
  /** Matched as whole-word phrases of the lower-cased English words. */
  synonymsEn: readonly string[];
  /** departmentCode -> weight 0..1: how strongly this symptom points to that department. */
  departments: Readonly<Record<string, number>>;
  /** Urgency when this symptom is present without red flags (before severity/age modifiers). */
  baseUrgency: Exclude<TriageUrgencyLevel, 'emergency'>;
}

/** What the engine knows so far: from the text, the patient's record and the answers. */
export interface TriageFacts {
  /** symptomId -> true (present) or false (the patient said they do not have it). */
  symptoms: Record<string, boolean>;
  ageYears?: number;
  sex?: Sex;
  /** How long the main complaint has lasted, in hours. */
  durationHours?: number;
  /** Sudden onset (突然, suddenly). */
  sudden?: boolean;
  severity?: Severity;
  temperatureC?: number;
  pregnant?: boolean;
  recurrent?: boolean;
  /** Red-flag rule ids the patient confirmed by answering "yes" to the rule's question. */
  confirmed: string[];
  /** Question ids already asked (answered or skipped). */
  asked: string[];
}

export interface RedFlagRule {
  id: string;
  labelZh: string;
  labelEn: string;
  adviceZh: string;
  adviceEn: string;
  /** The guideline or public-health source the rule comes from. */
  source: string;
  /** Fires when the facts meet it (or the patient confirmed it by answering its question). */
  fires: (f: TriageFacts) => boolean;
  /** Might fire: part of it is present, the rest unknown. The engine then asks `question` before anything else. */
  possible?: (f: TriageFacts) => boolean;
  questionZh?: string;
  questionEn?: string;
  /** Symptoms a "no" to the question rules out. */
  denies?: readonly string[];
}

export interface TriageQuestionDef {
  id: string;
  kind: 'age' | 'sex' | 'duration' | 'severity' | 'symptom';
  textZh: string;
  textEn: string;
  answerType: 'choice' | 'number';
  options: readonly { value: string; labelZh: string; labelEn: string }[];
  min: number | null;
  max: number | null;
  unit: string | null;
}

export interface DepartmentScore {
  departmentCode: string;
  score: number;
  /** The symptoms that contributed most, for the reason line. */
  because: string[];
}

export interface TriageOutput {
  redFlags: RedFlagRule[];
  urgency: TriageUrgencyLevel;
  urgencyReason: { zh: string; en: string };
  departments: DepartmentScore[];
  /** The next question to ask, or null when the engine has what it needs (or asked enough). */
  nextQuestion: TriageQuestionDef | null;
}
