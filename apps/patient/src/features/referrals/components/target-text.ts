import type { Referral } from '@careloop/contracts';

/** Where a referral goes, as one line: organization · department · doctor. */
export function targetText(r: Referral): string {
  return [r.to.orgName, r.to.departmentName, r.to.doctor?.name].filter(Boolean).join(' · ');
}
