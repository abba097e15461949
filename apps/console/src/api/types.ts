import type { z } from 'zod';
import type {
  ApiToken as ApiTokenSchema,
  ApiTokenScope as ApiTokenScopeSchema,
  CareTeamRole as CareTeamRoleSchema,
  CreatedApiToken as CreatedApiTokenSchema,
  CreatedInvitation as CreatedInvitationSchema,
  Insurance as InsuranceSchema,
  InsuranceType as InsuranceTypeSchema,
  Invitation as InvitationSchema,
  MfaEnrolment as MfaEnrolmentSchema,
  RecoveryCodes as RecoveryCodesSchema,
} from '@careloop/contracts';
import type { Sex, StaffRole } from '@careloop/contracts';

// Types the contracts package defines only as schemas; inferred here once so features import plain types.
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type ApiTokenScope = z.infer<typeof ApiTokenScopeSchema>;
export type CareTeamRole = z.infer<typeof CareTeamRoleSchema>;
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;
export type Insurance = z.infer<typeof InsuranceSchema>;
export type InsuranceType = z.infer<typeof InsuranceTypeSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type MfaEnrolment = z.infer<typeof MfaEnrolmentSchema>;
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** Every list answer: `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// The option lists the forms offer. Written as records so the compiler fails when the contracts add a value;
// the schemas themselves stay type-only imports, which keeps zod out of the bundle.
function keysOf<K extends string>(record: Record<K, true>): readonly K[] {
  return Object.keys(record) as K[];
}

export const STAFF_ROLES = keysOf<StaffRole>({
  doctor: true,
  nurse: true,
  health_manager: true,
  pharmacist: true,
  org_admin: true,
  researcher: true,
  platform_admin: true,
});
export const CARE_TEAM_ROLES = keysOf<CareTeamRole>({
  attending: true,
  nurse: true,
  health_manager: true,
  pharmacist: true,
  other: true,
});
export const INSURANCE_TYPES = keysOf<InsuranceType>({
  urban_employee: true,
  urban_rural_resident: true,
  commercial: true,
  self_pay: true,
  other: true,
});
export const API_TOKEN_SCOPES = keysOf<ApiTokenScope>({
  'devices:write': true,
  'fhir:read': true,
  'fhir:write': true,
  'patients:read': true,
});
export const SEXES = keysOf<Sex>({ male: true, female: true, other: true, unknown: true });
