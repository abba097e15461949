import type { StaffRole } from '@careloop/contracts';

// Who may open the referral pages (mirrors the server: every referral route is for doctors).
export const REFERRAL_ROLES: readonly StaffRole[] = ['doctor'];
