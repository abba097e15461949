import {
  addText,
  applyAnswer,
  DEFAULT_KNOWLEDGE,
  emptyFacts,
  runTriage,
  type TriageKnowledgeBase,
} from './engine.ts';
import type { TriageEvalCase } from './evaluation-cases.ts';
import { tokenizeEnglish } from './match-symptoms.ts';
import type { TriageFacts, TriageOutput, TriageUrgencyLevel } from './triage.types.ts';

// Runs evaluation cases through the engine the way a session does: the text, the patient's age and sex from the
// record, then the follow-up questions answered from the case (skipped when the case has no answer).
// Chinese text is passed as one token: the engine joins Chinese tokens before matching, so jieba's segmentation
// (which the server applies) does not change what is matched.

const ORDER: TriageUrgencyLevel[] = ['self_care', 'routine', 'within_24h', 'emergency'];

export interface CaseOutcome {
  case: TriageEvalCase;
  /** After the first message alone (what the patient sees at once). */
  first: TriageOutput;
  final: TriageOutput;
  questions: number;
}

export function runCase(c: TriageEvalCase, kb: TriageKnowledgeBase = DEFAULT_KNOWLEDGE): CaseOutcome {
  const tokens = c.lang === 'zh' ? [c.text] : tokenizeEnglish(c.text);
  let facts: TriageFacts = addText({ ...emptyFacts(), ageYears: c.age, sex: c.sex }, tokens, c.lang, kb);
  facts = { ...facts, ageYears: facts.ageYears ?? c.age };
  const first = runTriage(facts, kb);
  let out = first;
  let questions = 0;
  while (out.nextQuestion) {
    facts = applyAnswer(facts, out.nextQuestion.id, c.answers?.[out.nextQuestion.id], kb);
    questions += 1;
    out = runTriage(facts, kb);
  }
  return { case: c, first, final: out, questions };
}

export interface EvaluationMetrics {
  cases: number;
  emergencies: number;
  urgencyAccuracy: number;
  /** Emergencies called less urgent, after the follow-up questions. */
  emergencyUnderTriage: number;
  /** Emergencies written out in the first message but not flagged at once (cases needing a "yes" excluded). */
  emergencyUnderTriageFirstMessage: number;
  /** Any case called less urgent than expected. */
  underTriageRate: number;
  overTriageRate: number;
  departmentTop1: number;
  departmentTop3: number;
  meanQuestions: number;
  misses: { id: string; expected: string; got: string; kind: 'urgency' | 'department' }[];
}

export function evaluate(
  cases: readonly TriageEvalCase[],
  kb: TriageKnowledgeBase = DEFAULT_KNOWLEDGE,
): EvaluationMetrics {
  const outcomes = cases.map((c) => runCase(c, kb));
  const rank = (u: TriageUrgencyLevel) => ORDER.indexOf(u);
  const emergencies = outcomes.filter((o) => o.case.urgency === 'emergency');
  const textOnly = emergencies.filter((o) => !Object.values(o.case.answers ?? {}).includes('yes'));
  const misses: EvaluationMetrics['misses'] = [];
  for (const o of outcomes) {
    if (o.final.urgency !== o.case.urgency)
      misses.push({ id: o.case.id, expected: o.case.urgency, got: o.final.urgency, kind: 'urgency' });
    if (o.final.departments[0]?.departmentCode !== o.case.department)
      misses.push({
        id: o.case.id,
        expected: o.case.department,
        got: o.final.departments.map((d) => d.departmentCode).join(','),
        kind: 'department',
      });
  }
  const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10000) / 10000);
  return {
    cases: outcomes.length,
    emergencies: emergencies.length,
    urgencyAccuracy: share(
      outcomes.filter((o) => o.final.urgency === o.case.urgency).length,
      outcomes.length,
    ),
    emergencyUnderTriage: share(
      emergencies.filter((o) => o.final.urgency !== 'emergency').length,
      emergencies.length,
    ),
    emergencyUnderTriageFirstMessage: share(
      textOnly.filter((o) => o.first.urgency !== 'emergency').length,
      textOnly.length,
    ),
    underTriageRate: share(
      outcomes.filter((o) => rank(o.final.urgency) < rank(o.case.urgency)).length,
      outcomes.length,
    ),
    overTriageRate: share(
      outcomes.filter((o) => rank(o.final.urgency) > rank(o.case.urgency)).length,
      outcomes.length,
    ),
    departmentTop1: share(
      outcomes.filter((o) => o.final.departments[0]?.departmentCode === o.case.department).length,
      outcomes.length,
    ),
    departmentTop3: share(
      outcomes.filter((o) => o.final.departments.some((d) => d.departmentCode === o.case.department)).length,
      outcomes.length,
    ),
    meanQuestions: Math.round((outcomes.reduce((n, o) => n + o.questions, 0) / outcomes.length) * 100) / 100,
    misses,
  };
}
