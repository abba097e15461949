import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

// Smart triage (module `triage`, 智能分诊): a patient (or a proxy) describes symptoms in free text (zh or en), answers
// at most a handful of follow-up questions, and gets red flags first, an urgency level, the top 3 departments and
// doctors of those departments with their next free slots and online-consultation availability.
//
// Routes (all under /api/v1):
//   POST   /triage/sessions                      StartTriageBody -> TriageSession (201): next question, or the result
//                                                 at once when a red flag fires or nothing is uncertain; an
//                                                 unintelligible text (emoji only, another language) answers
//                                                 status `not_understood` with advice, never an error
//   GET    /triage/sessions?patientId=&limit=&cursor=  -> TriageSessionList (newest first, no messages)
//   GET    /triage/sessions/:id                  -> TriageSession (with messages)
//   POST   /triage/sessions/:id/answers          TriageAnswerBody -> TriageSession (next question or result);
//                                                 `skip: true` skips a question
//   POST   /triage/sessions/:id/outcome          TriageOutcomeBody -> TriageSession (what the patient then did)
//   GET    /triage/knowledge                     (org admin) -> TriageKnowledge: repo data with the org's overrides
//   PUT    /triage/knowledge/symptoms/:symptomId (org admin) TriageSymptomOverrideBody -> TriageKnowledge
//   DELETE /triage/knowledge/symptoms/:symptomId (org admin) -> TriageKnowledge (back to the repo data)
//   GET    /triage/classifier                    (org admin) -> TriageClassifierStatus
//   POST   /triage/classifier/retrain            (org admin) -> TriageClassifierStatus (202, job queued)
// Text limits: `text` at most TRIAGE_TEXT_MAX_CHARS characters (400 TRIAGE_TEXT_TOO_LONG); a body past 16 KB gets
// 413 (PAYLOAD_TOO_LARGE). Empty or blank text gets 400 TRIAGE_TEXT_EMPTY. Sessions of a patient need the `view`
// scope to read and the `book` scope to start, answer or record an outcome (patients, proxies, care team).

export const TRIAGE_TEXT_MAX_CHARS = 2000;
export const TRIAGE_MAX_QUESTIONS = 5;

export const TriageUrgency = z.enum(['emergency', 'within_24h', 'routine', 'self_care']);
export type TriageUrgency = z.infer<typeof TriageUrgency>;

/** asking: a follow-up question waits; completed: the result is final; not_understood: no symptom recognised. */
export const TriageStatus = z.enum(['asking', 'completed', 'not_understood']);
export type TriageStatus = z.infer<typeof TriageStatus>;

export const TriageOutcomeAction = z.enum(['booked', 'consulted', 'called_emergency', 'self_care', 'none']);
export type TriageOutcomeAction = z.infer<typeof TriageOutcomeAction>;

export const TriageQuestionKind = z.enum(['age', 'sex', 'duration', 'severity', 'symptom']);
export type TriageQuestionKind = z.infer<typeof TriageQuestionKind>;

export const StartTriageBody = z.object({
  patientId: Uuid,
  /** What the patient typed, in their words. */
  text: z.string().max(100_000),
  /** The text's language; detected from the text when omitted. */
  language: z.enum(['zh-CN', 'en-US']).optional(),
});
export type StartTriageBody = z.infer<typeof StartTriageBody>;

export const TriageQuestionOption = z.object({ value: z.string(), label: z.string() });

export const TriageQuestion = z.object({
  /** Stable id: `age`, `sex`, `duration`, `severity`, or `symptom:<symptomId>`. */
  id: z.string(),
  kind: TriageQuestionKind,
  text: z.string(),
  /** choice: answer one option's value; number: answer a number within min..max (unit given). */
  answerType: z.enum(['choice', 'number']),
  options: z.array(TriageQuestionOption),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
});
export type TriageQuestion = z.infer<typeof TriageQuestion>;

export const TriageAnswerBody = z.object({
  questionId: z.string().min(1).max(100),
  /** An option's value for a choice question, a number for a number question. */
  answer: z.union([z.string().max(100), z.number()]).optional(),
  /** Skip this question (the engine decides with what it has). */
  skip: z.boolean().optional(),
});
export type TriageAnswerBody = z.infer<typeof TriageAnswerBody>;

export const TriageOutcomeBody = z.object({
  action: TriageOutcomeAction,
  /** The appointment or consultation the patient went on to, when there is one. */
  refId: Uuid.optional(),
});
export type TriageOutcomeBody = z.infer<typeof TriageOutcomeBody>;

export const TriageRedFlag = z.object({
  id: z.string(),
  label: z.string(),
  /** What to do now, e.g. call 120 at once. */
  advice: z.string(),
  source: z.string(),
});
export type TriageRedFlag = z.infer<typeof TriageRedFlag>;

export const TriageDepartmentSuggestion = z.object({
  departmentCode: z.string(),
  /** The org's department with that code; null when the org has none. */
  departmentId: Uuid.nullable(),
  name: z.string(),
  /** 0..1, the blended score this ranking used. */
  score: z.number(),
  reason: z.string(),
});
export type TriageDepartmentSuggestion = z.infer<typeof TriageDepartmentSuggestion>;

export const TriageSlot = z.object({
  slotId: Uuid,
  startsAt: IsoDateTime,
  mode: z.enum(['in_person', 'online']),
});

export const TriageDoctor = z.object({
  id: Uuid,
  name: z.string(),
  title: z.string().nullable(),
  departmentCode: z.string(),
  departmentId: Uuid,
  /** Whether the doctor takes online consultations (one tap to consult). */
  consultOnline: z.boolean(),
  /** The next free slots (one tap to book), from the scheduling module; empty when none are open. */
  nextSlots: z.array(TriageSlot).nullable(),
});
export type TriageDoctor = z.infer<typeof TriageDoctor>;

export const TriageSymptomMatch = z.object({
  id: z.string(),
  label: z.string(),
  /** The patient said they do NOT have it (不发烧, no fever). */
  negated: z.boolean(),
});

export const TriageResult = z.object({
  redFlags: z.array(TriageRedFlag),
  urgency: z.object({ level: TriageUrgency, reason: z.string() }),
  /** At most 3, best first. */
  departments: z.array(TriageDepartmentSuggestion),
  doctors: z.array(TriageDoctor),
  symptoms: z.array(TriageSymptomMatch),
  /** Whether the org's classifier (trained on its closed consultations) refined the ranking. */
  classifierUsed: z.boolean(),
  emergencyNumber: z.string(),
  disclaimer: z.string(),
});
export type TriageResult = z.infer<typeof TriageResult>;

export const TriageMessage = z.object({
  seq: z.number().int(),
  role: z.enum(['patient', 'system']),
  kind: z.enum(['text', 'question', 'answer', 'result', 'not_understood']),
  body: z.string(),
  questionId: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type TriageMessage = z.infer<typeof TriageMessage>;

export const TriageOutcome = z.object({
  action: TriageOutcomeAction,
  refId: Uuid.nullable(),
  recordedAt: IsoDateTime,
});

export const TriageSession = z.object({
  id: Uuid,
  patientId: Uuid,
  status: TriageStatus,
  language: z.enum(['zh-CN', 'en-US']),
  /** The question waiting for an answer (status asking). */
  question: TriageQuestion.nullable(),
  questionsAsked: z.number().int(),
  /** Provisional while asking (red flags and a first ranking); final when completed. */
  result: TriageResult.nullable(),
  /** status not_understood: what to do instead (choose a department, or call 120 if urgent). */
  notUnderstood: z.object({ reason: z.string(), advice: z.string() }).nullable(),
  outcome: TriageOutcome.nullable(),
  messages: z.array(TriageMessage),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TriageSession = z.infer<typeof TriageSession>;

export const TriageSessionSummary = TriageSession.omit({ messages: true, question: true });
export const TriageSessionList = z.object({
  items: z.array(TriageSessionSummary),
  nextCursor: z.string().nullable(),
});
export type TriageSessionList = z.infer<typeof TriageSessionList>;

export const TriageSessionListQuery = z.object({
  patientId: Uuid,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

// ---- Knowledge base (admins) ----

export const TriageKnowledgeSymptom = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  synonymsZh: z.array(z.string()),
  synonymsEn: z.array(z.string()),
  /** departmentCode -> weight 0..1 */
  departments: z.record(z.string(), z.number()),
  /** Whether the org overrides this symptom's synonyms or weights. */
  overridden: z.boolean(),
});

export const TriageKnowledgeRedFlag = z.object({
  id: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  adviceZh: z.string(),
  adviceEn: z.string(),
  source: z.string(),
});

export const TriageKnowledge = z.object({
  symptoms: z.array(TriageKnowledgeSymptom),
  /** Red-flag rules are read-only for admins: safety rules change in the repo, with a source. */
  redFlags: z.array(TriageKnowledgeRedFlag),
  departmentCodes: z.array(z.string()),
});
export type TriageKnowledge = z.infer<typeof TriageKnowledge>;

const Synonym = z.string().trim().min(1).max(40);
export const TriageSymptomOverrideBody = z.object({
  /** Extra words patients use for this symptom, added to the repo's synonyms. */
  extraSynonymsZh: z.array(Synonym).max(50).default([]),
  extraSynonymsEn: z.array(Synonym).max(50).default([]),
  /** Department weights replacing the repo's for this symptom (codes the org has; 0..1). */
  departments: z.record(z.string().min(1).max(60), z.number().min(0).max(1)).optional(),
});
export type TriageSymptomOverrideBody = z.infer<typeof TriageSymptomOverrideBody>;

export const TriageClassifierStatus = z.object({
  trainedAt: IsoDateTime.nullable(),
  /** Closed consultations and visits it learned from. */
  samples: z.number().int(),
  departments: z.number().int(),
  /** Whether it has enough data to refine rankings. */
  active: z.boolean(),
  retrainQueued: z.boolean(),
});
export type TriageClassifierStatus = z.infer<typeof TriageClassifierStatus>;
