import type { Referral } from '@careloop/contracts';

/** Where a referral goes, as one line: organization · department · doctor. */
export function targetText(r: Referral): string {
  return [r.to.orgName, r.to.departmentName, r.to.doctor?.name].filter(Boolean).join(' · ');
}

/** Where a referral comes from: doctor · department · organization. */
export function sourceText(r: Referral): string {
  return [r.from.doctor.name, r.from.departmentName, r.from.orgName].filter(Boolean).join(' · ');
}
