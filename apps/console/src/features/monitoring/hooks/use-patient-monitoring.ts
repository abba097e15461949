import type {
  DeviceInput,
  MonitoringPlanInput,
  MonitoringRuleOverrideInput,
  ReadingType,
} from '@careloop/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { monitoringApi } from '../api/monitoring-api';
import { monitoringKeys } from './monitoring-keys';

/** The most readings of one type a chart asks for (the API's maximum); newest first, so older ones drop out. */
export const READINGS_LIMIT = 5000;

/** The start of the period: local midnight `days` days ago, so the key stays the same all day. */
export function periodStart(days: number, now: Date = new Date()): string {
  const start = new Date(now.getTime());
  start.setDate(start.getDate() - days);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}

export function useMonitoringSummary(patientId: string, days: number) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: monitoringKeys.summary(patientId, days, i18n.language),
    queryFn: () => monitoringApi.summary(patientId, days),
    placeholderData: keepPreviousData,
  });
}

export function useReadings(patientId: string, type: ReadingType, days: number) {
  const from = periodStart(days);
  return useQuery({
    queryKey: monitoringKeys.readings(patientId, type, from),
    queryFn: async () =>
      (await monitoringApi.readings(patientId, { type, from, limit: READINGS_LIMIT })).items,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(patientId: string) {
  return useQuery({
    queryKey: monitoringKeys.plan(patientId),
    queryFn: async () => (await monitoringApi.plan(patientId)).plan,
  });
}

export function useRules(patientId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: monitoringKeys.rules(patientId, i18n.language),
    queryFn: async () => (await monitoringApi.rules(patientId)).items,
  });
}

export function useDevices(patientId: string) {
  return useQuery({
    queryKey: monitoringKeys.devices(patientId),
    queryFn: async () => (await monitoringApi.devices(patientId)).items,
  });
}

/** Writes to one patient's monitoring refresh everything under ['monitoring', patientId] (summary shows the plan). */
function usePatientWrite<V, R>(patientId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: monitoringKeys.patient(patientId) }),
        queryClient.invalidateQueries({ queryKey: monitoringKeys.board }),
      ]),
  });
}

export function useSavePlan(patientId: string) {
  return usePatientWrite(patientId, (input: MonitoringPlanInput) => monitoringApi.savePlan(patientId, input));
}

export function useOverrideRule(patientId: string) {
  return usePatientWrite(patientId, ({ key, input }: { key: string; input: MonitoringRuleOverrideInput }) =>
    monitoringApi.overrideRule(patientId, key, input),
  );
}

export function useResetRule(patientId: string) {
  return usePatientWrite(patientId, (key: string) => monitoringApi.resetRule(patientId, key));
}

export function useRegisterDevice(patientId: string) {
  return usePatientWrite(patientId, (input: DeviceInput) => monitoringApi.registerDevice(patientId, input));
}

export function useRotateDeviceToken(patientId: string) {
  return usePatientWrite(patientId, (deviceId: string) => monitoringApi.rotateToken(patientId, deviceId));
}

export function useRevokeDevice(patientId: string) {
  return usePatientWrite(patientId, (deviceId: string) => monitoringApi.revokeDevice(patientId, deviceId));
}
