import type { BoardStatus } from '@careloop/contracts';
import type { AlertListParams } from '../api/monitoring-api';

/**
 * Query keys of the monitoring screens. Alerts and rules carry server-written text in the request's language, so
 * those keys end with the language. A realtime event invalidates a prefix: ['alerts'], ['monitoring-board'] or
 * ['monitoring', patientId].
 */
export const monitoringKeys = {
  alerts: ['alerts'] as const,
  alertList: (params: Omit<AlertListParams, 'cursor'>, language: string) =>
    [
      'alerts',
      'list',
      params.status,
      params.severity ?? '',
      params.patientId ?? '',
      params.mine ? 'mine' : 'any',
      language,
    ] as const,
  openCount: ['alerts', 'open-count'] as const,
  alert: (alertId: string, language: string) => ['alerts', 'detail', alertId, language] as const,
  board: ['monitoring-board'] as const,
  boardList: (status: BoardStatus | undefined) => ['monitoring-board', status ?? 'all'] as const,
  settings: ['monitoring-settings'] as const,
  patient: (patientId: string) => ['monitoring', patientId] as const,
  summary: (patientId: string, days: number, language: string) =>
    ['monitoring', patientId, 'summary', days, language] as const,
  readings: (patientId: string, type: string, from: string) =>
    ['monitoring', patientId, 'readings', type, from] as const,
  plan: (patientId: string) => ['monitoring', patientId, 'plan'] as const,
  rules: (patientId: string, language: string) => ['monitoring', patientId, 'rules', language] as const,
  devices: (patientId: string) => ['monitoring', patientId, 'devices'] as const,
};
