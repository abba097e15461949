import type { RealtimeEvent } from '@careloop/contracts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import type { ParticipantRow } from './consultations.repository.ts';

/**
 * Sends an event to everyone in a consultation (each on their app's namespace), after the change committed.
 * `except` leaves out one account (typing indicators do not echo to the typist).
 */
export function publishToParticipants(
  realtime: Realtime,
  participants: readonly Pick<ParticipantRow, 'accountId' | 'kind'>[],
  event: RealtimeEvent,
  except?: string,
): void {
  const patients: string[] = [];
  const staff: string[] = [];
  for (const p of participants) {
    if (p.accountId === except) continue;
    (p.kind === 'staff' ? staff : patients).push(p.accountId);
  }
  if (patients.length > 0) realtime.publish('patient', { accountIds: patients }, event);
  if (staff.length > 0) realtime.publish('console', { accountIds: staff }, event);
}
