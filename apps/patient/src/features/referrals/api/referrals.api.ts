import type { Referral, ReferralList } from '@careloop/contracts';
import { api } from '../../../api/client.ts';

const one = (id: string) => `/referrals/${encodeURIComponent(id)}`;

/** The referrals of every profile this account holds or may see. */
export function fetchMyReferrals(): Promise<ReferralList> {
  return api.get('/referrals?view=patient');
}

export function fetchReferral(id: string): Promise<Referral> {
  return api.get(one(id));
}

export type ConsentAction = 'consent' | 'refuse' | 'withdraw';

/** Consent (with the version the patient saw), decline, or withdraw a consent given earlier. */
export function answerReferral(
  id: string,
  action: ConsentAction,
  body: { version?: number; reason?: string },
): Promise<Referral> {
  return api.post(`${one(id)}/${action}`, body);
}
