import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';
import { Email, Phone } from './identity.ts';
import { StaffRole } from './roles.ts';

export const Department = z.object({
  id: Uuid,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/),
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(80),
  active: z.boolean().default(true),
});

export const Staff = z.object({
  id: Uuid,
  name: z.string(),
  email: z.string().nullable(),
  roles: z.array(StaffRole),
  departmentId: Uuid.nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;
export const StaffUpdate = z.strictObject({
  roles: z.array(StaffRole).min(1).optional(),
  departmentId: Uuid.nullable().optional(),
  title: z.string().trim().max(40).nullable().optional(),
  active: z.boolean().optional(),
});

export const CreateInvitation = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(60),
  roles: z.array(StaffRole.exclude(['platform_admin'])).min(1),
  departmentId: Uuid.nullable().optional(),
  title: z.string().trim().max(40).optional(),
});
export const Invitation = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  expiresAt: IsoDateTime,
  acceptedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export const CreatedInvitation = Invitation.extend({ acceptUrl: z.string() });
export const AcceptInvitation = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().min(10).max(200),
  phone: Phone.optional(),
});

export const Organization = z.object({
  id: Uuid,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  timeZone: z.string(),
  createdAt: IsoDateTime,
});

export const OrganizationInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/),
  nameZh: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().min(1).max(120),
  timeZone: z
    .string()
    .trim()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown_time_zone')
    .default('Asia/Shanghai'),
});
