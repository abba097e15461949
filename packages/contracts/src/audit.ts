import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

export const AuditEvent = z.object({
  id: Uuid,
  at: IsoDateTime,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  patientId: Uuid.nullable(),
  patientName: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  sealed: z.boolean(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  patientId: Uuid.optional(),
  actorId: Uuid.optional(),
  action: z.string().max(80).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const AuditVerification = z.object({
  ok: z.boolean(),
  blocksChecked: z.number().int(),
  entriesChecked: z.number().int(),
  firstBrokenBlock: z.number().int().nullable(),
  unsealedEntries: z.number().int(),
  checkedAt: IsoDateTime,
});
export type AuditVerification = z.infer<typeof AuditVerification>;
