import type { Executor } from '../db/database.ts';
import { uuidv7 } from '../db/ids.ts';
import type { RequestContext } from '../auth/actor.ts';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  orgId?: string | null;
  /** Who acted when there is no signed-in context yet (sign-in, registration). */
  actorAccountId?: string | null;
  reason?: string | null;
  /** Non-personal facts about the access (fields changed, counts); never values. */
  detail?: Record<string, unknown>;
}

/**
 * Writes one audit entry in the caller's transaction, so the entry exists exactly when the read or write did.
 * The table refuses UPDATE and DELETE; the sealer chains entries into hash blocks in the background.
 */
export async function recordAudit(
  tx: Executor,
  ctx: RequestContext | null,
  entry: AuditEntry,
): Promise<void> {
  await tx.insertInto('audit_events').values(auditRow(ctx, entry)).execute();
}

/** Several entries in one INSERT, in the caller's transaction (a batch import writes one per report). */
export async function recordAudits(
  tx: Executor,
  ctx: RequestContext | null,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insertInto('audit_events')
    .values(entries.map((entry) => auditRow(ctx, entry)))
    .execute();
}

function auditRow(ctx: RequestContext | null, entry: AuditEntry) {
  return {
    id: uuidv7(),
    org_id: entry.orgId ?? (ctx?.actor.kind === 'staff' ? ctx.actor.orgId : null),
    actor_account_id: ctx?.actor.accountId ?? entry.actorAccountId ?? null,
    actor_kind: ctx
      ? ctx.actor.via === 'token'
        ? 'token'
        : ctx.actor.kind
      : entry.actorAccountId
        ? 'account'
        : 'system',
    action: entry.action,
    patient_id: entry.patientId ?? null,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId ?? null,
    reason: entry.reason ?? null,
    request_id: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  } as const;
}
