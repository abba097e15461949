import type { StaffRole } from '@careloop/contracts';

// Who may open the pharmacy pages (mirrors the server's route rules).
export const REVIEW_ROLES: readonly StaffRole[] = ['pharmacist'];
export const FORMULARY_ROLES: readonly StaffRole[] = ['org_admin', 'pharmacist'];
