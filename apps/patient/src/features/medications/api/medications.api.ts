import type {
  Adherence,
  AdverseReaction,
  DoseEvent,
  MedicationSchedule,
  RecordDoseBody,
  TodayDoses,
} from '@careloop/contracts';
import { api } from '../../../api/client.ts';

const patient = (id: string) => `/patients/${encodeURIComponent(id)}`;

export const fetchTodayDoses = (patientId: string): Promise<TodayDoses> =>
  api.get(`${patient(patientId)}/doses/today`);

export const recordDose = (doseId: string, body: RecordDoseBody): Promise<DoseEvent> =>
  api.post(`/dose-events/${encodeURIComponent(doseId)}/record`, body);

export const fetchAdherence = (patientId: string, days: 7 | 30): Promise<Adherence> =>
  api.get(`${patient(patientId)}/adherence?days=${days}`);

export const fetchSchedules = (patientId: string): Promise<{ items: MedicationSchedule[] }> =>
  api.get(`${patient(patientId)}/medication-schedules`);

export const fetchReactions = (patientId: string): Promise<{ items: AdverseReaction[] }> =>
  api.get(`${patient(patientId)}/adverse-reactions`);

export const reportReaction = (
  patientId: string,
  body: {
    prescriptionItemId: string;
    symptoms: string;
    severity: 'mild' | 'moderate' | 'severe';
    startedAt: string;
  },
): Promise<AdverseReaction> => api.post(`${patient(patientId)}/adverse-reactions`, body);

/** New times of day, local to `timeZone` (the phone's): the doses not yet due are re-made from them. */
export const updateScheduleTimes = (
  scheduleId: string,
  version: number,
  times: string[],
  timeZone: string,
): Promise<MedicationSchedule> =>
  api.patch(`/medication-schedules/${encodeURIComponent(scheduleId)}`, { version, times, timeZone });
