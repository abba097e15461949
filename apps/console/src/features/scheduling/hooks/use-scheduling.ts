import type { PatientSummary, ScheduleExceptionBody, ScheduleTemplateBody } from '@careloop/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { schedulingApi, type QueueAction } from '../api/scheduling-api';
import { addDays, localIsoDate } from '../lib/schedule';
import { schedulingKeys } from './scheduling-keys';

/** A safety net under the live queue events (events sent while disconnected are lost). */
const POLL_MS = 60_000;
/** How far ahead the exceptions list and the slot preview look. */
export const EXCEPTION_DAYS = 90;
export const PREVIEW_DAYS = 7;

export function useTemplates(doctorId: string | undefined) {
  return useQuery({
    queryKey: schedulingKeys.templates(doctorId ?? ''),
    queryFn: async () => (await schedulingApi.templates(doctorId!)).items,
    enabled: !!doctorId,
  });
}

export function useExceptions(doctorId: string | undefined) {
  return useQuery({
    queryKey: schedulingKeys.exceptions(doctorId ?? ''),
    queryFn: async () => {
      const today = localIsoDate();
      return (await schedulingApi.exceptions(doctorId!, today, addDays(today, EXCEPTION_DAYS))).items;
    },
    enabled: !!doctorId,
  });
}

/** The slots generated for the coming week: what patients will be offered. */
export function useSlotPreview(doctorId: string | undefined) {
  const from = localIsoDate();
  return useQuery({
    queryKey: schedulingKeys.slots(doctorId ?? '', from),
    queryFn: async () => {
      const start = new Date(`${from}T00:00:00`);
      const end = new Date(`${addDays(from, PREVIEW_DAYS)}T00:00:00`);
      return (await schedulingApi.slots(doctorId!, start.toISOString(), end.toISOString())).items;
    },
    enabled: !!doctorId,
  });
}

/** Templates, exceptions and slots of one doctor all change together. */
function useRefreshSchedule() {
  const queryClient = useQueryClient();
  return (doctorId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: schedulingKeys.templates(doctorId) }),
      queryClient.invalidateQueries({ queryKey: schedulingKeys.exceptions(doctorId) }),
      queryClient.invalidateQueries({ queryKey: ['scheduling', 'slots', doctorId] }),
      queryClient.invalidateQueries({ queryKey: schedulingKeys.days }),
    ]);
}

export function useSaveTemplate() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: ({
      id,
      body,
      version,
    }: {
      id: string | null;
      body: ScheduleTemplateBody;
      version?: number;
    }) =>
      id
        ? schedulingApi.updateTemplate(id, { ...body, version: version ?? 1 })
        : schedulingApi.createTemplate(body),
    onSuccess: (_data, { body }) => refresh(body.doctorId),
  });
}

export function useDeleteTemplate(doctorId: string) {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (templateId: string) => schedulingApi.deleteTemplate(templateId),
    onSettled: () => refresh(doctorId),
  });
}

export function useCreateException() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (body: ScheduleExceptionBody) => schedulingApi.createException(body),
    onSuccess: (_data, body) => refresh(body.doctorId),
  });
}

export function useDeleteException(doctorId: string) {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (exceptionId: string) => schedulingApi.deleteException(exceptionId),
    onSettled: () => refresh(doctorId),
  });
}

/** One day's sessions with their appointments: every doctor's, or one doctor's. */
export function useDay(date: string | undefined, doctorId?: string) {
  return useQuery({
    queryKey: schedulingKeys.day(date ?? '', doctorId),
    queryFn: () => schedulingApi.day(date!, doctorId),
    enabled: !!date,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

export function useSessionQueue(sessionId: string | undefined) {
  return useQuery({
    queryKey: schedulingKeys.queue(sessionId ?? ''),
    queryFn: () => schedulingApi.queue(sessionId!),
    enabled: !!sessionId,
    refetchInterval: POLL_MS,
  });
}

function useRefreshQueue() {
  const queryClient = useQueryClient();
  return (sessionId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: sessionId ? schedulingKeys.queue(sessionId) : schedulingKeys.queues,
      }),
      queryClient.invalidateQueries({ queryKey: schedulingKeys.days }),
    ]);
}

export function useCallNext(sessionId: string) {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: () => schedulingApi.callNext(sessionId),
    onSettled: () => refresh(sessionId),
  });
}

export function useQueueAction(sessionId: string) {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: ({
      appointmentId,
      action,
      version,
    }: {
      appointmentId: string;
      action: QueueAction;
      version?: number;
    }) => schedulingApi.queueAction(appointmentId, action, version),
    onSettled: () => refresh(sessionId),
  });
}

export function useCheckIn() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: ({ appointmentId, version }: { appointmentId: string; version?: number }) =>
      schedulingApi.checkIn(appointmentId, version),
    onSettled: () => refresh(),
  });
}

/**
 * The desk's patient look-up beyond names on the day list: a name, MRN, full phone number, national ID or the last
 * 4 digits of a phone, through the patients search of the whole organization.
 */
export function usePatientLookup(q: string): { patients: PatientSummary[]; isFetching: boolean } {
  const search = useQuery({
    queryKey: schedulingKeys.patients(q),
    queryFn: async () => (await schedulingApi.findPatients(q)).items,
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
  return { patients: q.length >= 2 ? (search.data ?? []) : [], isFetching: search.isFetching };
}

/** The desk books for a patient (a call or a walk-in, checked in at once). */
export function useDeskBook() {
  const refresh = useRefreshQueue();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { patientId: string; slotId: string; checkIn: boolean }) =>
      schedulingApi.deskBook(body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['scheduling', 'slots'] });
      await refresh();
    },
  });
}

/** A doctor's free slots over the coming days (soonest first), for booking on someone's behalf. */
export function useFreeSlots(doctorId: string | undefined, days: number) {
  const from = localIsoDate();
  return useQuery({
    queryKey: [...schedulingKeys.slots(doctorId ?? '', from), 'free', days],
    queryFn: async () => {
      const start = new Date();
      const end = new Date(`${addDays(from, days)}T00:00:00`);
      return (await schedulingApi.freeSlots(doctorId!, start.toISOString(), end.toISOString())).items;
    },
    enabled: !!doctorId,
  });
}
