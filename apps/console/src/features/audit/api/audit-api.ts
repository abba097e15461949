import type { AuditEvent, AuditVerification } from '@careloop/contracts';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';

export interface AuditFilters {
  patientId?: string;
  actorId?: string;
  action?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
}

export const auditApi = {
  events: (filters: AuditFilters, cursor?: string) =>
    api.get<Page<AuditEvent>>('/audit-events', { ...filters, cursor, limit: 50 }),
  verify: () => api.post<AuditVerification>('/audit/verify'),
};
