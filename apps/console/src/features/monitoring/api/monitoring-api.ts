import type {
  Alert,
  AlertDetail,
  AlertResolveInput,
  AlertSeverity,
  BoardRow,
  BoardStatus,
  Device,
  DeviceInput,
  DeviceWithToken,
  EffectiveMonitoringRule,
  MonitoringPlan,
  MonitoringPlanInput,
  MonitoringRuleOverrideInput,
  MonitoringSettings,
  MonitoringSettingsInput,
  MonitoringSummary,
  Reading,
  ReadingType,
} from '@careloop/contracts';
import { api, newIdempotencyKey } from '../../../api/client';
import type { Page } from '../../../api/types';

/** `active` is open and acknowledged together: what still needs someone. */
export type AlertStatusFilter = 'active' | 'open' | 'acknowledged' | 'resolved';

export interface AlertListParams {
  status: AlertStatusFilter;
  severity?: AlertSeverity;
  patientId?: string;
  /** Only the alerts assigned to the caller. */
  mine?: boolean;
  limit?: number;
  cursor?: string;
}

export interface BoardPage extends Page<BoardRow> {
  counts: Record<BoardStatus, number>;
}

export interface ReadingListParams {
  type?: ReadingType;
  from?: string;
  to?: string;
  limit?: number;
}

const id = encodeURIComponent;
const alertPath = (alertId: string) => `/alerts/${id(alertId)}`;
const patientPath = (patientId: string) => `/patients/${id(patientId)}`;
const devicePath = (patientId: string, deviceId: string) =>
  `${patientPath(patientId)}/devices/${id(deviceId)}`;

export const monitoringApi = {
  alerts: ({ mine, ...params }: AlertListParams) =>
    api.get<Page<Alert>>('/alerts', {
      ...params,
      mine: mine ? 'true' : undefined,
      limit: params.limit ?? 50,
    }),
  alert: (alertId: string) => api.get<AlertDetail>(alertPath(alertId)),
  acknowledge: (alertId: string) =>
    api.post<Alert>(`${alertPath(alertId)}/acknowledge`, {}, { idempotencyKey: newIdempotencyKey() }),
  resolve: (alertId: string, input: AlertResolveInput) =>
    api.post<Alert>(`${alertPath(alertId)}/resolve`, input, { idempotencyKey: newIdempotencyKey() }),
  assign: (alertId: string, accountId: string) =>
    api.post<Alert>(`${alertPath(alertId)}/assign`, { accountId }, { idempotencyKey: newIdempotencyKey() }),

  settings: () => api.get<MonitoringSettings>('/monitoring/settings'),
  saveSettings: (input: MonitoringSettingsInput) =>
    api.put<MonitoringSettings>('/monitoring/settings', input),

  board: (params: { status?: BoardStatus; cursor?: string }) =>
    api.get<BoardPage>('/monitoring/board', { ...params, limit: 50 }),

  summary: (patientId: string, days: number) =>
    api.get<MonitoringSummary>(`${patientPath(patientId)}/monitoring/summary`, { days }),
  readings: (patientId: string, params: ReadingListParams) =>
    api.get<{ items: Reading[] }>(`${patientPath(patientId)}/readings`, { ...params }),

  plan: (patientId: string) =>
    api.get<{ plan: MonitoringPlan | null }>(`${patientPath(patientId)}/monitoring/plan`),
  savePlan: (patientId: string, input: MonitoringPlanInput) =>
    api.put<MonitoringPlan>(`${patientPath(patientId)}/monitoring/plan`, input),

  rules: (patientId: string) =>
    api.get<{ items: EffectiveMonitoringRule[] }>(`${patientPath(patientId)}/monitoring/rules`),
  overrideRule: (patientId: string, ruleKey: string, input: MonitoringRuleOverrideInput) =>
    api.put<EffectiveMonitoringRule>(`${patientPath(patientId)}/monitoring/rules/${id(ruleKey)}`, input),
  resetRule: (patientId: string, ruleKey: string) =>
    api.delete<EffectiveMonitoringRule>(`${patientPath(patientId)}/monitoring/rules/${id(ruleKey)}`),

  devices: (patientId: string) => api.get<{ items: Device[] }>(`${patientPath(patientId)}/devices`),
  registerDevice: (patientId: string, input: DeviceInput) =>
    api.post<DeviceWithToken>(`${patientPath(patientId)}/devices`, input, {
      idempotencyKey: newIdempotencyKey(),
    }),
  rotateToken: (patientId: string, deviceId: string) =>
    api.post<DeviceWithToken>(
      `${devicePath(patientId, deviceId)}/token`,
      {},
      {
        idempotencyKey: newIdempotencyKey(),
      },
    ),
  revokeDevice: (patientId: string, deviceId: string) => api.delete<Device>(devicePath(patientId, deviceId)),
};
