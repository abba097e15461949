import type {
  Appointment,
  AppointmentList,
  MyQueuePosition,
  SlotList,
  VisitMode,
  WaitlistEntry,
  WaitlistJoinBody,
} from '@careloop/contracts';
import { api } from '../../../api/client.ts';
import { postIdempotent } from '../../records/api/http.ts';

const appointment = (id: string) => `/appointments/${encodeURIComponent(id)}`;

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A doctor's next free slots (soonest first). */
export function fetchDoctorNextFree(doctorId: string, limit = 3, mode?: VisitMode): Promise<SlotList> {
  return api.get(`/scheduling/doctors/${encodeURIComponent(doctorId)}/next-free${query({ limit, mode })}`);
}

/** A doctor's slots between two instants, full ones too (`freeOnly=false`) so a full day can offer the waitlist. */
export function fetchDoctorSlots(doctorId: string, from: string, to: string): Promise<SlotList> {
  return api.get(
    `/scheduling/doctors/${encodeURIComponent(doctorId)}/slots${query({ from, to, freeOnly: false })}`,
  );
}

/** Books a slot; the key makes a double tap or a retried request book once. */
export function bookSlot(body: { patientId: string; slotId: string }, key: string): Promise<Appointment> {
  return postIdempotent('/appointments', body, key);
}

export function fetchAppointments(view: 'upcoming' | 'past'): Promise<AppointmentList> {
  return api.get(`/appointments${query({ view })}`);
}

export function fetchAppointment(id: string): Promise<Appointment> {
  return api.get(appointment(id));
}

export function cancelAppointment(id: string, version: number): Promise<Appointment> {
  return api.post(`${appointment(id)}/cancel`, { version });
}

export function rescheduleAppointment(id: string, slotId: string, version: number): Promise<Appointment> {
  return api.post(`${appointment(id)}/reschedule`, { slotId, version });
}

export function checkIn(id: string, version: number): Promise<Appointment> {
  return api.post(`${appointment(id)}/check-in`, { version });
}

export function fetchMyQueue(id: string): Promise<MyQueuePosition> {
  return api.get(`${appointment(id)}/queue`);
}

export function joinWaitlist(body: WaitlistJoinBody): Promise<WaitlistEntry> {
  return api.post('/scheduling/waitlist', body);
}

export function fetchWaitlist(): Promise<{ items: WaitlistEntry[] }> {
  return api.get('/scheduling/waitlist');
}

/** Takes the offered place: the answer is the booked appointment. */
export function acceptOffer(id: string): Promise<Appointment> {
  return api.post(`/scheduling/waitlist/${encodeURIComponent(id)}/accept`, {});
}

export function leaveWaitlist(id: string): Promise<WaitlistEntry> {
  return api.post(`/scheduling/waitlist/${encodeURIComponent(id)}/cancel`, {});
}
