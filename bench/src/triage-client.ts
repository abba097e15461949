// Runs in a worker thread (see triage.bench.ts): the patients' phones, sending triage messages at a fixed rate and
// timing each answer on a thread of their own, so the clock does not wait on the server's busy event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { TRIAGE_EVALUATION_CASES } from '@careloop/clinical';

export interface TriageClientJob {
  readonly base: string;
  readonly headers: Record<string, string>;
  /** true: POST /echo with the same bodies (the bare baseline). */
  readonly echo: boolean;
  readonly patients: readonly string[];
  readonly rate: number;
  readonly count: number;
}

interface Waiting {
  id: string;
  question: { id: string };
}

/**
 * Open loop: one message every 1000/rate ms whatever the answers (separate patients do not wait for each other),
 * each timed from send to answer. A message answers the oldest session still waiting for an answer (skipping the
 * question), or starts a new session with the next evaluation case's text.
 */
async function drive(job: TriageClientJob): Promise<number[]> {
  const times: number[] = [];
  const waiting: Waiting[] = [];
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < job.count; i += 1) {
    const due = t0 + (i * 1000) / job.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const w = job.echo ? undefined : waiting.shift();
    const c = TRIAGE_EVALUATION_CASES[i % TRIAGE_EVALUATION_CASES.length]!;
    const path = job.echo
      ? '/echo'
      : w
        ? `/api/v1/triage/sessions/${w.id}/answers`
        : '/api/v1/triage/sessions';
    const body = w
      ? { questionId: w.question.id, skip: true }
      : { patientId: job.patients[i % job.patients.length], text: c.text };
    const sentAt = performance.now();
    inflight.push(
      fetch(`${job.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...job.headers },
        body: JSON.stringify(body),
      }).then(async (res) => {
        const answer = (await res.json()) as {
          status?: string;
          id?: string;
          question?: { id: string } | null;
        };
        times.push(performance.now() - sentAt);
        if (res.status >= 500) throw new Error(`${path} answered ${res.status}`);
        if (answer.status === 'asking' && answer.id && answer.question)
          waiting.push({ id: answer.id, question: answer.question });
      }),
    );
  }
  await Promise.all(inflight);
  return times;
}

drive(workerData as TriageClientJob).then(
  (times) => parentPort?.postMessage({ ok: true, times }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) }),
);
