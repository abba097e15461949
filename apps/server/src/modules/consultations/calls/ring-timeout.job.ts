import { z } from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { consultationsRepository as consultations } from '../consultations.repository.ts';
import { MessagesService } from '../messages/messages.service.ts';
import { publishToParticipants } from '../publish.ts';
import { callsRepository as repo } from './calls.repository.ts';
import { RING_SECONDS, callUpdated, endAsMissed, isOverdue } from './call-lifecycle.ts';

const SYSTEM = { kind: 'staff' as const, accountId: '00000000-0000-0000-0000-000000000000' };

/**
 * Ends every call that rang for RING_SECONDS with nobody answering, as missed: a `call_missed` line in the
 * conversation, and the ended state pushed to the participants. Each call is locked and checked again, so a
 * late answer and the sweep never both win. Returns how many ended.
 */
export async function endMissedCalls(deps: AppDeps, now = new Date()): Promise<number> {
  const due = await repo.ringingSince(deps.db, new Date(now.getTime() - RING_SECONDS * 1000), 100);
  const messages = new MessagesService(deps);
  let ended = 0;
  for (const id of due) {
    const done = await deps.db.transaction().execute(async (tx) => {
      // Consultation first, then the call: the order every call change takes (the event line locks the
      // consultation too), so two changes never wait on each other.
      const seen = await repo.byId(tx, id);
      if (!seen || !(await consultations.lock(tx, seen.consultation_id))) return null;
      const call = await repo.lock(tx, id);
      if (!call || !isOverdue(call, now)) return null;
      const row = await consultations.load(tx, call.consultation_id, SYSTEM);
      if (!row) return null;
      const result = await endAsMissed(tx, row, call, now);
      return { ...result, row };
    });
    if (!done) continue;
    ended += 1;
    publishToParticipants(deps.realtime, done.row.participants, callUpdated(done.call));
    await messages.publishStored(done.row, [done.eventId]);
  }
  return ended;
}

/**
 * Queued in the transaction that starts a call, due when its ringing runs out: survives a restart of the server
 * (the job is a row in PostgreSQL), and sweeps any other overdue call too.
 */
export function callRingTimeoutJob(deps: AppDeps) {
  return defineJob({
    name: 'consultations.call-ring-timeout',
    version: 1,
    schema: z.object({ callId: z.uuid() }),
    handler: async () => {
      await endMissedCalls(deps);
    },
  });
}
