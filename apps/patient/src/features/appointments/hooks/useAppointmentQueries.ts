import type { Appointment } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptOffer,
  bookSlot,
  cancelAppointment,
  checkIn,
  fetchAppointment,
  fetchAppointments,
  fetchDoctorNextFree,
  fetchDoctorSlots,
  fetchWaitlist,
  joinWaitlist,
  leaveWaitlist,
  rescheduleAppointment,
} from '../api/scheduling.api.ts';
import { appointmentKeys } from './appointment-keys.ts';

export function useDoctorNextFree(doctorId: string, limit = 3, enabled = true) {
  return useQuery({
    queryKey: appointmentKeys.nextFree(doctorId),
    queryFn: () => fetchDoctorNextFree(doctorId, limit),
    staleTime: 30_000,
    enabled,
  });
}

export function useDoctorSlots(doctorId: string, from: string, to: string) {
  return useQuery({
    queryKey: appointmentKeys.slots(doctorId, from),
    queryFn: () => fetchDoctorSlots(doctorId, from, to),
  });
}

export function useAppointments(view: 'upcoming' | 'past') {
  return useQuery({ queryKey: appointmentKeys.list(view), queryFn: () => fetchAppointments(view) });
}

export function useAppointment(id: string, enabled = true) {
  return useQuery({ queryKey: appointmentKeys.one(id), queryFn: () => fetchAppointment(id), enabled });
}

export function useWaitlist() {
  return useQuery({ queryKey: appointmentKeys.waitlist, queryFn: fetchWaitlist });
}

/** Stores an answer that is a whole appointment and refreshes the lists and free slots it changes. */
function useStoreAppointment() {
  const queryClient = useQueryClient();
  return (appointment: Appointment) => {
    queryClient.setQueryData(appointmentKeys.one(appointment.id), appointment);
    void queryClient.invalidateQueries({ queryKey: appointmentKeys.lists });
    void queryClient.invalidateQueries({ queryKey: ['appointments', 'slots'] });
    void queryClient.invalidateQueries({ queryKey: ['appointments', 'next-free'] });
  };
}

export function useBook() {
  const store = useStoreAppointment();
  return useMutation({
    mutationFn: ({ patientId, slotId, key }: { patientId: string; slotId: string; key: string }) =>
      bookSlot({ patientId, slotId }, key),
    onSuccess: store,
  });
}

export function useCancelAppointment() {
  const store = useStoreAppointment();
  return useMutation({
    mutationFn: (a: Pick<Appointment, 'id' | 'version'>) => cancelAppointment(a.id, a.version),
    onSuccess: store,
  });
}

export function useReschedule() {
  const store = useStoreAppointment();
  return useMutation({
    mutationFn: ({ id, slotId, version }: { id: string; slotId: string; version: number }) =>
      rescheduleAppointment(id, slotId, version),
    onSuccess: store,
  });
}

export function useCheckIn() {
  const store = useStoreAppointment();
  return useMutation({
    mutationFn: (a: Pick<Appointment, 'id' | 'version'>) => checkIn(a.id, a.version),
    onSuccess: store,
  });
}

function useWaitlistChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: appointmentKeys.waitlist });
    void queryClient.invalidateQueries({ queryKey: appointmentKeys.lists });
  };
}

export function useJoinWaitlist() {
  const changed = useWaitlistChange();
  return useMutation({ mutationFn: joinWaitlist, onSuccess: changed });
}

export function useAcceptOffer() {
  const changed = useWaitlistChange();
  return useMutation({ mutationFn: acceptOffer, onSuccess: changed });
}

export function useLeaveWaitlist() {
  const changed = useWaitlistChange();
  return useMutation({ mutationFn: leaveWaitlist, onSuccess: changed });
}
