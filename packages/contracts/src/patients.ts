import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';
import { Phone } from './identity.ts';
import { ProxyScope, Relationship, Sex } from './roles.ts';

/** A person's name: any script, no control characters; markup is stored as text and escaped on display. */
export const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine(
    (s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
    'control_characters',
  );

export const Address = z.strictObject({
  province: z.string().trim().max(40).optional(),
  city: z.string().trim().max(40).optional(),
  district: z.string().trim().max(40).optional(),
  line: z.string().trim().max(200).optional(),
  postalCode: z.string().trim().max(12).optional(),
});
export const EmergencyContact = z.strictObject({
  name: PersonName,
  relationship: z.string().trim().max(20),
  phone: Phone,
});
export const InsuranceType = z.enum([
  'urban_employee',
  'urban_rural_resident',
  'commercial',
  'self_pay',
  'other',
]);
export const Insurance = z.strictObject({
  type: InsuranceType,
  number: z.string().trim().max(40).optional(),
  provider: z.string().trim().max(80).optional(),
});

/** What every staff member of the org sees in search: enough to identify, nothing clinical. */
export const PatientSummary = z.object({
  id: Uuid,
  mrn: z.string(),
  name: z.string(),
  sex: Sex,
  birthDate: IsoDate,
  phoneMasked: z.string().nullable(),
  onCareTeam: z.boolean().optional(),
  /** Staff lists: the reader has a care relationship (team, consultation, appointment), so the record opens. */
  careRelationship: z.boolean().optional(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientProfile = PatientSummary.extend({
  orgId: Uuid,
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  address: Address.nullable(),
  emergencyContact: EmergencyContact.nullable(),
  insurance: Insurance.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
  /** On a single read: why the reader may see it (a staff care relationship, break-glass, own, proxy grant). */
  accessBasis: z.enum(['own', 'proxy', 'care_team', 'break_glass']).optional(),
});
export type PatientProfile = z.infer<typeof PatientProfile>;

export const PatientInput = z.strictObject({
  name: PersonName,
  sex: Sex,
  birthDate: IsoDate,
  nationalId: z.string().trim().max(18).optional(),
  phone: Phone.optional(),
  address: Address.optional(),
  emergencyContact: EmergencyContact.optional(),
  insurance: Insurance.optional(),
});
export type PatientInput = z.infer<typeof PatientInput>;

/** A partial update: optional details may be cleared with null; `version` is the one the client read. */
export const PatientUpdate = PatientInput.partial().extend({
  nationalId: z.string().trim().max(18).nullable().optional(),
  phone: Phone.nullable().optional(),
  address: Address.nullable().optional(),
  emergencyContact: EmergencyContact.nullable().optional(),
  insurance: Insurance.nullable().optional(),
  version: z.number().int().min(1),
});
export type PatientUpdate = z.infer<typeof PatientUpdate>;

export const PatientSearchQuery = z.object({
  q: z.string().trim().max(60).optional(),
  careTeam: z.enum(['mine', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** One profile the signed-in account may act for, and how (self, family member, proxy). */
export const AccessiblePatient = z.object({
  patient: PatientSummary,
  relationship: Relationship,
  via: z.enum(['own', 'proxy']),
  scopes: z.array(ProxyScope),
  expiresAt: IsoDateTime.nullable(),
});
export type AccessiblePatient = z.infer<typeof AccessiblePatient>;

/** Adds a profile under the signed-in account: its own ('self', once) or a family member's (就诊人). */
export const AddFamilyMember = z.strictObject({
  relationship: Relationship,
  profile: PatientInput,
});

export const CreateProxyGrant = z.strictObject({
  grantee: z.string().trim().min(3).max(254),
  scopes: z.array(ProxyScope).min(1),
  expiresAt: IsoDateTime,
});
export const ProxyGrant = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  granteeName: z.string(),
  scopes: z.array(ProxyScope),
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
});
export type ProxyGrant = z.infer<typeof ProxyGrant>;

export const CareTeamRole = z.enum(['attending', 'nurse', 'health_manager', 'pharmacist', 'other']);
export const CareTeamMember = z.object({
  staffId: Uuid,
  name: z.string(),
  role: CareTeamRole,
  departmentName: z.string().nullable(),
  addedAt: IsoDateTime,
});
export type CareTeamMember = z.infer<typeof CareTeamMember>;
export const AddCareTeamMember = z.strictObject({ staffId: Uuid, role: CareTeamRole });

export const BreakGlassRequest = z.strictObject({ reason: z.string().trim().min(10).max(500) });
export const BreakGlassGrant = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  staffId: Uuid,
  staffName: z.string(),
  reason: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;
