import { z } from 'zod';
import { IsoDateTime, Locale, Uuid } from './common.ts';
import { StaffRole } from './roles.ts';

/** Phone in mainland-China mobile form (11 digits starting with 1) or E.164. */
export const Phone = z
  .string()
  .trim()
  .regex(/^(\+?[1-9]\d{6,14}|1\d{10})$/, 'invalid_phone');
export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const Password = z.string().min(1).max(200);
export const NewPassword = z
  .string()
  .min(10, 'password_too_short')
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'password_needs_letters_and_digits');

export const LoginRequest = z.strictObject({
  identifier: z.string().trim().min(3).max(254),
  password: Password,
});

export const MfaState = z.enum(['ok', 'required', 'enrolment_required']);
export type MfaState = z.infer<typeof MfaState>;

export const Membership = z.object({
  orgId: Uuid,
  orgName: z.string(),
  roles: z.array(StaffRole),
  departmentId: Uuid.nullable(),
});

export const Me = z.object({
  accountId: Uuid,
  displayName: z.string(),
  email: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  kind: z.enum(['patient', 'staff']),
  orgId: Uuid.nullable(),
  roles: z.array(StaffRole),
  memberships: z.array(Membership),
  mfa: MfaState,
  mfaEnabled: z.boolean(),
  locale: Locale.nullable(),
  elderMode: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const SmsCodeRequest = z.strictObject({ phone: Phone });
export const SmsLoginRequest = z.strictObject({ phone: Phone, code: z.string().regex(/^\d{6}$/) });
export const RegisterRequest = z.strictObject({
  phone: Phone,
  code: z.string().regex(/^\d{6}$/),
  password: NewPassword,
  name: z.string().trim().min(1).max(60),
});

export const PasswordResetRequest = z.strictObject({ identifier: z.string().trim().min(3).max(254) });
export const PasswordResetConfirm = z.strictObject({
  identifier: z.string().trim().min(3).max(254),
  code: z.string().regex(/^\d{6}$/),
  newPassword: NewPassword,
});
export const ChangePasswordRequest = z.strictObject({ currentPassword: Password, newPassword: NewPassword });

export const MfaEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const MfaCode = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i),
});
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const SessionInfo = z.object({
  id: Uuid,
  current: z.boolean(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const Preferences = z.strictObject({ locale: Locale.optional(), elderMode: z.boolean().optional() });

export const ApiTokenScope = z.enum(['devices:write', 'fhir:read', 'fhir:write', 'patients:read']);
export const CreateApiToken = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(ApiTokenScope).min(1),
  expiresAt: IsoDateTime.optional(),
});
export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  scopes: z.array(ApiTokenScope),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
