import type {
  StartTriageBody,
  TriageAnswerBody,
  TriageOutcomeBody,
  TriageSession,
} from '@careloop/contracts';
import { api } from '../../../api/client.ts';
import { postIdempotent } from '../../records/api/http.ts';

const one = (id: string) => `/triage/sessions/${encodeURIComponent(id)}`;

/** Starts a symptom check from the patient's own words; the answer is the first question, or the result at once. */
export function startTriage(body: StartTriageBody, key: string): Promise<TriageSession> {
  return postIdempotent('/triage/sessions', body, key);
}

export function fetchTriage(id: string): Promise<TriageSession> {
  return api.get(one(id));
}

/** Answers (or skips) the waiting question; the answer is the next question or the result. */
export function answerTriage(id: string, body: TriageAnswerBody): Promise<TriageSession> {
  return api.post(`${one(id)}/answers`, body);
}

/** What the patient did with the result (booked, consulted, called 120), so triage can learn from it. */
export function recordTriageOutcome(id: string, body: TriageOutcomeBody): Promise<TriageSession> {
  return api.post(`${one(id)}/outcome`, body);
}
