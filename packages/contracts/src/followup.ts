import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

// Follow-up after abnormal results (检后随访): rules an organization edits, the tasks they create for health
// managers, and the in-app notifications that tell patients and care teams.

export const ObservationFlagCode = z.enum(['N', 'H', 'L', 'HH', 'LL', 'A']);
export type ObservationFlagCode = z.infer<typeof ObservationFlagCode>;

export const FollowUpKind = z.enum(['retest', 'lifestyle', 'referral', 'alert']);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

export const FollowUpPriority = z.enum(['routine', 'soon', 'urgent', 'critical']);
export type FollowUpPriority = z.infer<typeof FollowUpPriority>;

export const FollowUpStatus = z.enum(['open', 'done', 'cancelled']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpOutcome = z.enum([
  'reached',
  'retested',
  'referred',
  'declined',
  'unreachable',
  'other',
]);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcome>;

const Text = (max: number) => z.string().trim().min(1).max(max);
export const BilingualText = (max: number) => z.strictObject({ zh: Text(max), en: Text(max) });

/**
 * When a rule fires: the value lies in [min, max) (either bound may be open) and, when `flags` is given, the
 * observation's flag is one of them. A rule with only `flags` fires on the flag alone (e.g. any critical value).
 */
export const FollowUpCondition = z
  .strictObject({
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    flags: z.array(ObservationFlagCode).min(1).max(6).optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined || c.flags !== undefined, {
    message: 'condition_empty',
  })
  .refine((c) => c.min === undefined || c.max === undefined || c.min < c.max, {
    message: 'min_not_below_max',
    path: ['max'],
  });
export type FollowUpCondition = z.infer<typeof FollowUpCondition>;

export const FollowUpRuleInput = z.strictObject({
  name: BilingualText(80),
  /** LOINC code, or `*` for any item (used with flags, e.g. every critical value). */
  code: z.string().trim().min(1).max(40),
  codeSystem: z.enum(['loinc', 'local']).default('loinc'),
  /** The unit min/max are written in; values in another unit are converted before the comparison. */
  unit: z.string().trim().max(20).optional(),
  condition: FollowUpCondition,
  kind: FollowUpKind,
  priority: FollowUpPriority,
  dueInDays: z.number().int().min(0).max(730),
  department: z.string().trim().max(40).optional(),
  advice: BilingualText(400),
  notifyPatient: z.boolean().default(true),
  active: z.boolean().default(true),
});
export type FollowUpRuleInput = z.infer<typeof FollowUpRuleInput>;

export const FollowUpRuleUpdate = FollowUpRuleInput.partial().extend({ version: z.number().int().min(1) });
export type FollowUpRuleUpdate = z.infer<typeof FollowUpRuleUpdate>;

export const FollowUpRule = z.object({
  id: Uuid,
  name: z.object({ zh: z.string(), en: z.string() }),
  code: z.string(),
  codeSystem: z.enum(['loinc', 'local']),
  unit: z.string().nullable(),
  condition: z.object({
    min: z.number().optional(),
    max: z.number().optional(),
    flags: z.array(ObservationFlagCode).optional(),
  }),
  kind: FollowUpKind,
  priority: FollowUpPriority,
  dueInDays: z.number().int(),
  department: z.string().nullable(),
  advice: z.object({ zh: z.string(), en: z.string() }),
  notifyPatient: z.boolean(),
  active: z.boolean(),
  builtIn: z.boolean(),
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export type FollowUpRule = z.infer<typeof FollowUpRule>;

export const FollowUpTask = z.object({
  id: Uuid,
  patient: z.object({ id: Uuid, name: z.string(), mrn: z.string() }),
  ruleId: Uuid.nullable(),
  /** Title and advice in the request's language. */
  title: z.string(),
  advice: z.string(),
  kind: FollowUpKind,
  priority: FollowUpPriority,
  department: z.string().nullable(),
  status: FollowUpStatus,
  dueAt: IsoDateTime,
  overdue: z.boolean(),
  observation: z
    .object({
      id: Uuid,
      code: z.string(),
      name: z.string(),
      value: z.number().nullable(),
      valueText: z.string().nullable(),
      unit: z.string().nullable(),
      flag: ObservationFlagCode.nullable(),
      at: IsoDateTime,
    })
    .nullable(),
  reportId: Uuid.nullable(),
  assignee: z.object({ id: Uuid, name: z.string() }).nullable(),
  outcome: FollowUpOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  completedAt: IsoDateTime.nullable(),
  completedBy: z.object({ id: Uuid, name: z.string() }).nullable(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;

/** What a patient sees of a task: the advice and the date, not the care team's notes. */
export const PatientFollowUpTask = FollowUpTask.pick({
  id: true,
  title: true,
  advice: true,
  kind: true,
  priority: true,
  department: true,
  status: true,
  dueAt: true,
  overdue: true,
  observation: true,
  reportId: true,
  createdAt: true,
});
export type PatientFollowUpTask = z.infer<typeof PatientFollowUpTask>;

export const WorklistView = z.enum(['due', 'overdue', 'done', 'all']);
export type WorklistView = z.infer<typeof WorklistView>;

export const WorklistQuery = z.object({
  view: WorklistView.default('due'),
  assignee: z.enum(['me', 'any']).default('any'),
  patientId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

export const Worklist = z.object({
  items: z.array(FollowUpTask),
  nextCursor: z.string().nullable(),
  counts: z.object({ due: z.number().int(), overdue: z.number().int(), done: z.number().int() }),
});
export type Worklist = z.infer<typeof Worklist>;

export const CompleteFollowUpTask = z
  .strictObject({
    outcome: FollowUpOutcome,
    note: z.string().trim().max(1000).default(''),
    version: z.number().int().min(1),
  })
  .refine((b) => b.outcome !== 'other' || b.note.length > 0, {
    message: 'note_required',
    path: ['note'],
  });
export type CompleteFollowUpTask = z.infer<typeof CompleteFollowUpTask>;

export const AssignFollowUpTask = z.strictObject({
  assigneeId: Uuid.nullable(),
  version: z.number().int().min(1),
});
export type AssignFollowUpTask = z.infer<typeof AssignFollowUpTask>;

export const CancelFollowUpTask = z.strictObject({
  note: z.string().trim().min(1).max(1000),
  version: z.number().int().min(1),
});
export type CancelFollowUpTask = z.infer<typeof CancelFollowUpTask>;
