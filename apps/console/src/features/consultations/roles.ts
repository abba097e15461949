import type { StaffRole } from '@careloop/contracts';

// Who may open the consultation pages (mirrors the server's access rules for the consultations module).
export const CONSULT_ROLES: readonly StaffRole[] = ['doctor'];
export const CONSULT_SETTINGS_ROLES: readonly StaffRole[] = ['org_admin'];
