import { matchSymptoms } from './match-symptoms.ts';
import { nextQuestion, AGE_OPTIONS, DURATION_OPTIONS } from './questions.ts';
import { rankDepartments, type RankOptions } from './rank-departments.ts';
import { readDetails } from './read-details.ts';
import { firedRedFlags, RED_FLAG_RULES } from './red-flags.ts';
import { CARDIORESPIRATORY_SYMPTOMS } from './symptoms-cardiorespiratory.ts';
import { OTHER_SYMPTOMS } from './symptoms-other.ts';
import type { RedFlagRule, SymptomDef, TriageFacts, TriageLang, TriageOutput } from './triage.types.ts';
import { decideUrgency } from './urgency.ts';

// The triage engine: text -> facts -> red flags first -> urgency -> department ranking -> next question.
// Pure: the server segments the text, stores the facts between turns and passes the org's knowledge.

export const DEFAULT_SYMPTOMS: readonly SymptomDef[] = [...CARDIORESPIRATORY_SYMPTOMS, ...OTHER_SYMPTOMS];

export interface TriageKnowledgeBase {
  symptoms: readonly SymptomDef[];
  redFlags: readonly RedFlagRule[];
}

export const DEFAULT_KNOWLEDGE: TriageKnowledgeBase = {
  symptoms: DEFAULT_SYMPTOMS,
  redFlags: RED_FLAG_RULES,
};

export const emptyFacts = (): TriageFacts => ({ symptoms: {}, confirmed: [], asked: [] });

/** Adds what a message says to the facts (a later message can add symptoms; a denial never erases a "yes"). */
export function addText(
  facts: TriageFacts,
  tokens: readonly string[],
  lang: TriageLang,
  kb: TriageKnowledgeBase = DEFAULT_KNOWLEDGE,
): TriageFacts {
  const found = matchSymptoms(tokens, lang, kb.symptoms);
  const symptoms = { ...facts.symptoms };
  for (const [id, present] of Object.entries(found)) symptoms[id] = symptoms[id] === true || present;
  const d = readDetails(tokens, lang);
  return {
    ...facts,
    symptoms,
    // The patient's record (date of birth, sex) wins over what the text says.
    ageYears: facts.ageYears ?? d.ageYears,
    sex: facts.sex ?? d.sex,
    recurrent: d.recurrent ?? facts.recurrent,
    durationHours: d.durationHours ?? facts.durationHours,
    sudden: d.sudden ?? facts.sudden,
    severity: worse(facts.severity, d.severity),
    temperatureC: d.temperatureC ?? facts.temperatureC,
    pregnant: d.pregnant ?? facts.pregnant,
  };
}

const SEVERITY = ['mild', 'moderate', 'severe'] as const;
const worse = (a: TriageFacts['severity'], b: TriageFacts['severity']) =>
  a === undefined ? b : b === undefined ? a : SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;

export class TriageAnswerError extends Error {}

/** Records an answer to a question (or a skip: `answer` undefined). Throws TriageAnswerError on a bad answer. */
export function applyAnswer(
  facts: TriageFacts,
  questionId: string,
  answer: string | number | undefined,
  kb: TriageKnowledgeBase = DEFAULT_KNOWLEDGE,
): TriageFacts {
  const next: TriageFacts = {
    ...facts,
    symptoms: { ...facts.symptoms },
    asked: [...facts.asked, questionId],
  };
  if (answer === undefined) return next;
  const value = String(answer);
  const bad = () => new TriageAnswerError(`invalid answer for ${questionId}`);
  if (questionId === 'age') {
    const o = AGE_OPTIONS.find((x) => x.value === value);
    if (o) next.ageYears = o.years;
    else if (typeof answer === 'number' && answer >= 0 && answer <= 130) next.ageYears = answer;
    else throw bad();
  } else if (questionId === 'sex') {
    if (value !== 'male' && value !== 'female') throw bad();
    next.sex = value;
  } else if (questionId === 'severity') {
    if (value !== 'mild' && value !== 'moderate' && value !== 'severe') throw bad();
    next.severity = worse(facts.severity, value);
  } else if (questionId === 'duration') {
    const o = DURATION_OPTIONS.find((x) => x.value === value);
    if (!o) throw bad();
    next.durationHours = o.hours;
  } else if (questionId.startsWith('redflag:') || questionId.startsWith('symptom:')) {
    if (value !== 'yes' && value !== 'no') throw bad();
    const id = questionId.slice(questionId.indexOf(':') + 1);
    if (questionId.startsWith('redflag:')) {
      const rule = kb.redFlags.find((r) => r.id === id);
      if (!rule) throw bad();
      if (value === 'yes') next.confirmed = [...facts.confirmed, id];
      else for (const s of rule.denies ?? []) next.symptoms[s] ??= false;
    } else {
      if (!kb.symptoms.some((s) => s.id === id)) throw bad();
      next.symptoms[id] = next.symptoms[id] === true || value === 'yes';
    }
  } else throw bad();
  return next;
}

/** Red flags first, then urgency, ranking and the next question (none once a red flag fired). */
export function runTriage(
  facts: TriageFacts,
  kb: TriageKnowledgeBase = DEFAULT_KNOWLEDGE,
  rank: RankOptions = {},
): TriageOutput {
  const redFlags = firedRedFlags(facts, kb.redFlags);
  const urgency = decideUrgency(facts, redFlags, kb.symptoms);
  const departments = rankDepartments(facts, kb.symptoms, rank);
  const question =
    redFlags.length > 0
      ? null
      : nextQuestion({
          facts,
          rules: kb.redFlags,
          symptoms: kb.symptoms,
          ranking: departments.map((d) => [d.departmentCode, d.score] as const),
        });
  return {
    redFlags,
    urgency: urgency.level,
    urgencyReason: urgency.reason,
    departments: departments.slice(0, 3),
    nextQuestion: question,
  };
}

/** Whether the facts hold any present symptom (otherwise the text was not understood). */
export const hasSymptoms = (facts: TriageFacts) => Object.values(facts.symptoms).some((v) => v);
