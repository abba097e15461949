import type { CallUpdatedEvent } from '@careloop/contracts';
import type { Tx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { ConsultationRow } from '../consultations.repository.ts';
import { MessagesService } from '../messages/messages.service.ts';
import { callsRepository as repo, type CallEndReason, type CallRow } from './calls.repository.ts';

/** How long a call rings before it ends as missed. */
export const RING_SECONDS = 45;

/** A ringing call nobody answered in time: it counts as missed whether or not the sweep has run yet. */
export function isOverdue(call: CallRow, now: Date): boolean {
  return (
    call.ended_at === null &&
    call.answered_at === null &&
    now.getTime() - call.started_at.getTime() >= RING_SECONDS * 1000
  );
}

export function callState(call: CallRow): CallUpdatedEvent['state'] {
  return call.ended_at ? 'ended' : call.answered_at ? 'active' : 'ringing';
}

/** The realtime event every participant gets when a call rings, is answered, changes members or ends. */
export function callUpdated(call: CallRow): CallUpdatedEvent {
  return {
    type: 'calls.call.updated',
    id: call.id,
    consultationId: call.consultation_id,
    media: call.media,
    state: callState(call),
    startedBy: { id: call.started_by, name: call.started_by_name },
    inCall: call.in_call,
    endReason: call.end_reason,
    at: new Date().toISOString(),
  };
}

/**
 * Ends a live call in the caller's transaction and writes its line into the conversation: `call_ended` with the
 * duration for an answered call, `call_missed` for one that never was (missed, declined, or cancelled by the
 * caller). Returns the ended call and the event message's id, to publish after commit.
 */
export async function finishCall(
  tx: Tx,
  consultation: Pick<ConsultationRow, 'id' | 'org_id'>,
  call: CallRow,
  reason: CallEndReason,
  now: Date,
): Promise<{ call: CallRow; eventId: string }> {
  await repo.end(tx, call.id, reason, now, []);
  const ended: CallRow = { ...call, ended_at: now, end_reason: reason, in_call: [] };
  const by = { id: call.started_by, name: call.started_by_name };
  const eventId = call.answered_at
    ? await MessagesService.event(tx, consultation, {
        type: 'call_ended',
        by,
        callId: call.id,
        media: call.media,
        durationSeconds: Math.max(0, Math.round((now.getTime() - call.answered_at.getTime()) / 1000)),
      })
    : await MessagesService.event(tx, consultation, {
        type: 'call_missed',
        by,
        callId: call.id,
        media: call.media,
        ...(reason === 'missed' ? {} : { reason: reason === 'hangup' ? 'cancelled' : reason }),
      });
  return { call: ended, eventId };
}

/** Ends a call that rang out as missed, with its audit entry (no one acted: the clock did). */
export async function endAsMissed(
  tx: Tx,
  consultation: Pick<ConsultationRow, 'id' | 'org_id' | 'patient_id'>,
  call: CallRow,
  now: Date,
): Promise<{ call: CallRow; eventId: string }> {
  const done = await finishCall(tx, consultation, call, 'missed', now);
  await recordAudit(tx, null, {
    action: 'consultation.call.end',
    resourceType: 'consultation_call',
    resourceId: call.id,
    patientId: consultation.patient_id,
    orgId: consultation.org_id,
    detail: { consultationId: consultation.id, reason: 'missed' },
  });
  return done;
}
