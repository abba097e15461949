import type {
  CreateReferralBody,
  Referral,
  ReferralBookBody,
  ReferralList,
  ReferralRecord,
  ReferralTargets,
} from '@careloop/contracts';
import { api } from '../../../api/client';

export type ReferralBox = 'inbox' | 'outbox';
const one = (id: string) => `/referrals/${encodeURIComponent(id)}`;

export const referralsApi = {
  targets: () => api.get<ReferralTargets>('/referrals/targets'),
  list: (view: ReferralBox, patientId?: string) =>
    api.get<ReferralList>('/referrals', { view, ...(patientId ? { patientId } : {}), limit: 100 }),
  get: (id: string) => api.get<Referral>(one(id)),
  record: (id: string) => api.get<ReferralRecord>(`${one(id)}/record`),
  create: (body: CreateReferralBody) => api.post<Referral>('/referrals', body),
  accept: (id: string, version: number) => api.post<Referral>(`${one(id)}/accept`, { version }),
  decline: (id: string, reason: string) => api.post<Referral>(`${one(id)}/decline`, { reason }),
  cancel: (id: string, reason?: string) => api.post<Referral>(`${one(id)}/cancel`, reason ? { reason } : {}),
  book: (id: string, body: ReferralBookBody) => api.post<Referral>(`${one(id)}/book`, body),
  report: (id: string, outcome: string) => api.post<Referral>(`${one(id)}/report`, { outcome }),
};
