import type { Appointment } from '@careloop/contracts';

/** Whether the patient side may still cancel or reschedule (before the org's cut-off, while booked). */
export function canChange(a: Appointment, now: number): boolean {
  return a.status === 'booked' && now < Date.parse(a.changeableUntil);
}

/** Where check-in stands: open now, not yet open, closed, or not for this appointment. */
export type CheckInState = 'open' | 'early' | 'late' | 'none';

export function checkInState(a: Appointment, now: number): CheckInState {
  if (a.status !== 'booked' || a.mode !== 'in_person') return 'none';
  if (now < Date.parse(a.checkInOpensAt)) return 'early';
  if (now > Date.parse(a.checkInClosesAt)) return 'late';
  return 'open';
}

/** A booking refusal the page answers with a next step of its own (refresh, waitlist, another day). */
export type Refusal = 'taken' | 'limit' | 'past' | 'closed' | 'proxy' | 'other';

export function refusalOf(code: string | undefined): Refusal {
  switch (code) {
    case 'SLOT_TAKEN':
      return 'taken';
    case 'APPOINTMENT_DUPLICATE':
      return 'limit';
    case 'SLOT_PAST':
      return 'past';
    case 'SLOT_CLOSED':
      return 'closed';
    case 'PROXY_GRANT_EXPIRED':
    case 'FORBIDDEN':
      return 'proxy';
    case undefined:
    default:
      return 'other';
  }
}
