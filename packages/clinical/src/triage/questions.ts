import type { RedFlagRule, SymptomDef, TriageFacts, TriageQuestionDef } from './triage.types.ts';

// Follow-up questions, chosen by what is still uncertain, at most TRIAGE_QUESTION_LIMIT per session:
// 1. a red flag that might fire (its anchor symptom is present, the rest unknown) — safety first;
// 2. age when unknown (children go to pediatrics; infant fever is a red flag);
// 3. severity, then duration of the main complaint when unknown;
// 4. sex when a women's-health department is in play and sex is unknown;
// 5. one key associated symptom that best separates the two leading departments when they are close.

export const TRIAGE_QUESTION_LIMIT = 5;

const YES_NO = [
  { value: 'yes', labelZh: '是', labelEn: 'Yes' },
  { value: 'no', labelZh: '否', labelEn: 'No' },
] as const;

export const AGE_OPTIONS = [
  { value: 'under_3m', labelZh: '3个月以下', labelEn: 'Under 3 months', years: 0.1 },
  { value: '3m_1y', labelZh: '3个月到1岁', labelEn: '3 months to 1 year', years: 0.5 },
  { value: '1_5y', labelZh: '1到5岁', labelEn: '1 to 5 years', years: 3 },
  { value: '5_14y', labelZh: '5到14岁', labelEn: '5 to 14 years', years: 9 },
  { value: '14_40y', labelZh: '14到40岁', labelEn: '14 to 40 years', years: 30 },
  { value: '40_65y', labelZh: '40到65岁', labelEn: '40 to 65 years', years: 52 },
  { value: '65y_plus', labelZh: '65岁以上', labelEn: '65 or older', years: 72 },
] as const;

export const DURATION_OPTIONS = [
  { value: 'under_1h', labelZh: '不到1小时', labelEn: 'Less than an hour', hours: 0.5 },
  { value: 'under_1d', labelZh: '1小时到1天', labelEn: 'An hour to a day', hours: 12 },
  { value: '1_3d', labelZh: '1到3天', labelEn: '1 to 3 days', hours: 48 },
  { value: '4_7d', labelZh: '4到7天', labelEn: '4 to 7 days', hours: 130 },
  { value: '1_4w', labelZh: '1到4周', labelEn: '1 to 4 weeks', hours: 336 },
  { value: 'over_1m', labelZh: '1个月以上', labelEn: 'More than a month', hours: 1000 },
] as const;

const q = (d: Omit<TriageQuestionDef, 'min' | 'max' | 'unit'>): TriageQuestionDef => ({
  ...d,
  min: null,
  max: null,
  unit: null,
});

export const BASIC_QUESTIONS = {
  age: q({
    id: 'age',
    kind: 'age',
    textZh: '请问患者多大年龄？',
    textEn: 'How old is the patient?',
    answerType: 'choice',
    options: AGE_OPTIONS,
  }),
  sex: q({
    id: 'sex',
    kind: 'sex',
    textZh: '请问患者的性别？',
    textEn: 'What is the patient’s sex?',
    answerType: 'choice',
    options: [
      { value: 'female', labelZh: '女', labelEn: 'Female' },
      { value: 'male', labelZh: '男', labelEn: 'Male' },
    ],
  }),
  severity: q({
    id: 'severity',
    kind: 'severity',
    textZh: '症状有多严重？',
    textEn: 'How bad is it?',
    answerType: 'choice',
    options: [
      { value: 'mild', labelZh: '轻微，不影响日常', labelEn: 'Mild, daily life goes on' },
      { value: 'moderate', labelZh: '中等，影响日常', labelEn: 'Moderate, gets in the way' },
      { value: 'severe', labelZh: '严重，难以忍受', labelEn: 'Severe, hard to bear' },
    ],
  }),
  duration: q({
    id: 'duration',
    kind: 'duration',
    textZh: '这种情况持续多久了？',
    textEn: 'How long has this been going on?',
    answerType: 'choice',
    options: DURATION_OPTIONS,
  }),
} as const;

export const redFlagQuestion = (r: RedFlagRule): TriageQuestionDef =>
  q({
    id: `redflag:${r.id}`,
    kind: 'symptom',
    textZh: r.questionZh ?? r.labelZh,
    textEn: r.questionEn ?? r.labelEn,
    answerType: 'choice',
    options: YES_NO,
  });

export const symptomQuestion = (s: SymptomDef): TriageQuestionDef =>
  q({
    id: `symptom:${s.id}`,
    kind: 'symptom',
    textZh: `是否还有${s.nameZh}？`,
    textEn: `Do you also have ${s.nameEn}?`,
    answerType: 'choice',
    options: YES_NO,
  });

/** Associated symptoms worth asking about to separate departments. */
const KEY_SYMPTOMS = [
  'fever',
  'cough',
  'shortness_of_breath',
  'chest_pain',
  'palpitations',
  'abdominal_pain',
  'vomiting',
  'diarrhea',
  'headache',
  'dizziness',
  'thirst_polyuria',
  'vaginal_bleeding',
];

export interface QuestionContext {
  facts: TriageFacts;
  rules: readonly RedFlagRule[];
  symptoms: readonly SymptomDef[];
  /** Departments ranked so far: [code, score] best first. */
  ranking: readonly (readonly [string, number])[];
}

export function nextQuestion(ctx: QuestionContext): TriageQuestionDef | null {
  const { facts } = ctx;
  if (facts.asked.length >= TRIAGE_QUESTION_LIMIT) return null;
  const open = (id: string) => !facts.asked.includes(id);
  for (const r of ctx.rules) {
    if (r.possible?.(facts) && open(`redflag:${r.id}`)) return redFlagQuestion(r);
  }
  if (facts.ageYears === undefined && open('age')) return BASIC_QUESTIONS.age;
  if (facts.severity === undefined && open('severity')) return BASIC_QUESTIONS.severity;
  if (facts.durationHours === undefined && open('duration')) return BASIC_QUESTIONS.duration;
  const obgyn = ctx.ranking.slice(0, 3).some(([code]) => code === 'obstetrics-gynecology');
  const adult = facts.ageYears === undefined || facts.ageYears >= 12;
  if (facts.sex === undefined && obgyn && adult && open('sex')) return BASIC_QUESTIONS.sex;
  const [first, second] = ctx.ranking;
  if (first && second && second[1] >= first[1] * 0.7) {
    let best: { s: SymptomDef; gap: number } | undefined;
    for (const id of KEY_SYMPTOMS) {
      const s = ctx.symptoms.find((x) => x.id === id);
      if (!s || facts.symptoms[id] !== undefined || !open(`symptom:${id}`)) continue;
      const gap = Math.abs((s.departments[first[0]] ?? 0) - (s.departments[second[0]] ?? 0));
      if (gap >= 0.4 && (!best || gap > best.gap)) best = { s, gap };
    }
    if (best) return symptomQuestion(best.s);
  }
  return null;
}
