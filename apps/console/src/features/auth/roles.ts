import type { StaffRole } from '@careloop/contracts';

// Who may open which part of the console; mirrors the access rules in docs/api.md.
export const PATIENT_ROLES: readonly StaffRole[] = [
  'doctor',
  'nurse',
  'health_manager',
  'pharmacist',
  'org_admin',
];
export const REGISTER_ROLES: readonly StaffRole[] = ['doctor', 'nurse', 'health_manager', 'org_admin'];
export const BREAK_GLASS_ROLES: readonly StaffRole[] = ['doctor', 'nurse'];
export const ADMIN_ROLES: readonly StaffRole[] = ['org_admin'];
export const AUDIT_ROLES: readonly StaffRole[] = ['org_admin', 'platform_admin'];
export const AUDIT_VERIFY_ROLES: readonly StaffRole[] = ['org_admin', 'platform_admin'];
export const CHECKUP_IMPORT_ROLES: readonly StaffRole[] = ['health_manager', 'doctor', 'nurse', 'org_admin'];
export const CHECKUP_MAPPING_ROLES: readonly StaffRole[] = ['org_admin', 'health_manager'];
export const CHECKUP_PACKAGE_ROLES: readonly StaffRole[] = ['org_admin'];
export const FOLLOW_UP_ROLES: readonly StaffRole[] = ['health_manager', 'nurse', 'doctor', 'org_admin'];
export const FOLLOW_UP_RULE_ROLES: readonly StaffRole[] = ['org_admin'];
export const MONITORING_ROLES: readonly StaffRole[] = ['doctor', 'nurse', 'health_manager'];
export const MONITORING_RULE_ROLES: readonly StaffRole[] = ['doctor'];
export const MONITORING_SETTINGS_ROLES: readonly StaffRole[] = ['org_admin'];
