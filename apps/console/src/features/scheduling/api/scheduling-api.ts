import type {
  Appointment,
  DayView,
  PatientSummary,
  QueueActionBody,
  ScheduleException,
  ScheduleExceptionBody,
  ScheduleTemplate,
  ScheduleTemplateBody,
  SessionQueue,
  SlotList,
} from '@careloop/contracts';
import { api, newIdempotencyKey } from '../../../api/client';
import type { Page } from '../../../api/types';

const id = encodeURIComponent;

export type QueueAction = QueueActionBody['action'];

export const schedulingApi = {
  templates: (doctorId: string) =>
    api.get<{ items: ScheduleTemplate[] }>('/scheduling/templates', { doctorId }),
  createTemplate: (body: ScheduleTemplateBody) =>
    api.post<ScheduleTemplate>('/scheduling/templates', body, { idempotencyKey: newIdempotencyKey() }),
  updateTemplate: (templateId: string, body: ScheduleTemplateBody & { version: number }) =>
    api.put<ScheduleTemplate>(`/scheduling/templates/${id(templateId)}`, body),
  deleteTemplate: (templateId: string) => api.delete<unknown>(`/scheduling/templates/${id(templateId)}`),

  exceptions: (doctorId: string, from: string, to: string) =>
    api.get<{ items: ScheduleException[] }>('/scheduling/exceptions', { doctorId, from, to }),
  createException: (body: ScheduleExceptionBody) =>
    api.post<ScheduleException>('/scheduling/exceptions', body, { idempotencyKey: newIdempotencyKey() }),
  deleteException: (exceptionId: string) => api.delete<unknown>(`/scheduling/exceptions/${id(exceptionId)}`),

  /** A doctor's generated slots (all of them, booked or not) between two instants. */
  slots: (doctorId: string, from: string, to: string) =>
    api.get<SlotList>(`/scheduling/doctors/${id(doctorId)}/slots`, { from, to, freeOnly: false }),

  day: (date: string, doctorId?: string) => api.get<DayView>('/scheduling/day', { date, doctorId }),
  queue: (sessionId: string) => api.get<SessionQueue>(`/scheduling/sessions/${id(sessionId)}/queue`),
  callNext: (sessionId: string) => api.post<unknown>(`/scheduling/sessions/${id(sessionId)}/call-next`, {}),
  queueAction: (appointmentId: string, action: QueueAction, version?: number) =>
    api.post<unknown>(`/appointments/${id(appointmentId)}/queue-action`, { action, version }),
  checkIn: (appointmentId: string, version?: number) =>
    api.post<Appointment>(`/appointments/${id(appointmentId)}/check-in`, { version }),

  /** The org's patients matching a name, MRN, full phone, national ID or a phone's last 4 digits. */
  findPatients: (q: string) => api.get<Page<PatientSummary>>('/patients', { q, careTeam: 'all', limit: 50 }),
  /** A doctor's slots with a free place between two instants. */
  freeSlots: (doctorId: string, from: string, to: string) =>
    api.get<SlotList>(`/scheduling/doctors/${id(doctorId)}/slots`, { from, to }),
  /** The desk books for a patient of the org; `checkIn` checks a walk-in in at once. */
  deskBook: (body: { patientId: string; slotId: string; checkIn: boolean }) =>
    api.post<Appointment>('/scheduling/desk/appointments', body, { idempotencyKey: newIdempotencyKey() }),
};
