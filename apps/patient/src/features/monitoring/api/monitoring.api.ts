import type {
  Device,
  DeviceInput,
  DeviceWithToken,
  MonitoringImport,
  MonitoringSummary,
  Reading,
  ReadingBatchResult,
  ReadingInput,
  ReadingType,
} from '@careloop/contracts';
import { api } from '../../../api/client.ts';
import { postIdempotent } from '../../records/api/http.ts';

const base = (patientId: string) => `/patients/${encodeURIComponent(patientId)}`;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function fetchMonitoringSummary(patientId: string, days: number): Promise<MonitoringSummary> {
  return api.get(`${base(patientId)}/monitoring/summary${query({ days })}`);
}

export interface ReadingQuery {
  type?: ReadingType;
  from?: string;
  to?: string;
  limit?: number;
}

export async function fetchReadings(patientId: string, q: ReadingQuery): Promise<Reading[]> {
  return (await api.get<{ items: Reading[] }>(`${base(patientId)}/readings${query({ ...q })}`)).items;
}

/** Readings typed in the app; the key makes a resend (after a lost answer or time offline) harmless. */
export function sendReadings(
  patientId: string,
  readings: ReadingInput[],
  idempotencyKey: string,
): Promise<ReadingBatchResult> {
  return postIdempotent(`${base(patientId)}/readings`, { readings }, idempotencyKey);
}

export async function fetchDevices(patientId: string): Promise<Device[]> {
  return (await api.get<{ items: Device[] }>(`${base(patientId)}/devices`)).items;
}

export function registerDevice(patientId: string, input: DeviceInput): Promise<DeviceWithToken> {
  return api.post(`${base(patientId)}/devices`, input);
}

export function removeDevice(patientId: string, deviceId: string): Promise<Device> {
  return api.delete(`${base(patientId)}/devices/${encodeURIComponent(deviceId)}`);
}

const imports = (patientId: string) => `${base(patientId)}/monitoring/imports`;

export function createImport(
  patientId: string,
  file: { fileName: string; sizeBytes: number },
): Promise<MonitoringImport> {
  return api.post(imports(patientId), { kind: 'apple-health', ...file });
}

export function importPartPath(patientId: string, importId: string, n: number): string {
  return `${imports(patientId)}/${encodeURIComponent(importId)}/parts/${n}`;
}

export function completeImport(patientId: string, importId: string): Promise<MonitoringImport> {
  return api.post(`${imports(patientId)}/${encodeURIComponent(importId)}/complete`);
}

export function fetchImport(patientId: string, importId: string): Promise<MonitoringImport> {
  return api.get(`${imports(patientId)}/${encodeURIComponent(importId)}`);
}
