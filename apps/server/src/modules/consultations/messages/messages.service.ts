import type { ConsultationMessage, MessagePage, SendMessageBody } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import {
  consultationsRepository as consultations,
  type ConsultationCore,
} from '../consultations.repository.ts';
import { authorize, loadAuthorizedCore } from '../consultation-access.ts';
import { canMessage, meIn } from '../consultation-view.ts';
import { publishToParticipants } from '../publish.ts';
import {
  messagesRepository as repo,
  type MessageRow,
  type NewMessage,
  type OwnAttachment,
} from './messages.repository.ts';
import { toMessage } from './message-view.ts';
import { MessageRateLimit } from './rate-limit.ts';
import { queueUnreadNotice } from './unread-notice.ts';

/** A unique-index violation: the client id was stored by a concurrent resend. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

/**
 * The conversation: every message is committed (numbered, audited, and its offline notice queued) before it is
 * acknowledged or pushed to anyone; a resend with the same client id returns the stored message.
 */
export class MessagesService {
  readonly #rate: MessageRateLimit;

  constructor(private readonly deps: AppDeps) {
    this.#rate = new MessageRateLimit(
      deps.config.consult.messagesPerMinute,
      deps.config.consult.messageBurst,
    );
  }

  async send(
    ctx: RequestContext,
    consultationId: string,
    body: SendMessageBody,
  ): Promise<{ message: ConsultationMessage; created: boolean }> {
    const { actor } = ctx;
    const stored = await repo.byClientId(this.deps.db, consultationId, actor.accountId, body.clientId);
    if (stored) {
      // Only the sender's own resend can match (the lookup is by sender), so nothing leaks.
      return { message: toMessage(stored), created: false };
    }
    if (!this.#rate.take(actor.accountId)) {
      throw new AppError('CONSULTATION_MESSAGE_RATE', {
        headers: { 'retry-after': String(this.#rate.retryAfter(actor.accountId)) },
      });
    }
    let row: ConsultationCore | undefined;
    let result: { id: string; seq: string; at: Date } | undefined;
    let attachment = null as OwnAttachment | null;
    let role = 'patient' as MessageRow['sender_role'];
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        row = await loadAuthorizedCore(tx, actor, consultationId);
        if (!canMessage(row, actor)) {
          throw new AppError(
            row.status === 'closed' || !['requested', 'accepted', 'active'].includes(row.status)
              ? 'CONSULTATION_CLOSED'
              : 'CONSULTATION_STATE',
          );
        }
        role =
          actor.kind === 'staff'
            ? (meIn(row, actor.accountId)?.role ?? 'doctor')
            : patientRole(row, actor.accountId);
        if (body.attachmentId)
          attachment = await requireOwnAttachment(tx, consultationId, actor.accountId, body);
        if (actor.kind === 'patient' && !meIn(row, actor.accountId)) {
          await consultations.addParticipant(tx, {
            consultationId,
            accountId: actor.accountId,
            role: 'patient',
            addedBy: actor.accountId,
          });
        }
        const message: NewMessage & { senderAccountId: string } = {
          orgId: row.org_id,
          consultationId,
          clientId: body.clientId,
          senderAccountId: actor.accountId,
          senderRole: role,
          kind: body.kind,
          body: body.kind === 'text' ? (body.body ?? null) : (body.body ?? null),
          attachmentId: body.attachmentId ?? null,
          event: null,
        };
        // The doctor's first message makes an accepted consultation active; the sender has read up to it.
        result = await repo.insertOwn(tx, message, row.status === 'accepted' && role === 'doctor');
        await recordAudit(tx, ctx, {
          action: 'consultation.message.create',
          resourceType: 'consultation_message',
          resourceId: result.id,
          patientId: row.patient_id,
          orgId: row.org_id,
          detail: { consultationId, kind: body.kind },
        });
        await queueUnreadNotice(tx, this.deps, row, actor.accountId, Number(result.seq));
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const again = await repo.byClientId(this.deps.db, consultationId, actor.accountId, body.clientId);
      if (!again) throw error;
      return { message: toMessage(again), created: false };
    }
    if (!row || !result) throw new Error('message transaction ended without a result');
    // Built from what was just stored (the row as byId would read it), not read back: one round trip fewer.
    const message = toMessage({
      id: result.id,
      consultation_id: consultationId,
      seq: result.seq,
      client_id: body.clientId,
      sender_account_id: actor.accountId,
      sender_name: actor.displayName,
      sender_role: role,
      kind: body.kind,
      body: body.body ?? null,
      event: null,
      created_at: result.at,
      attachment_id: body.attachmentId ?? null,
      a_kind: attachment?.kind ?? null,
      a_content_type: attachment?.content_type ?? null,
      a_size: attachment?.size_bytes ?? null,
      a_name: attachment?.file_name ?? null,
      a_duration: attachment?.duration_ms ?? null,
    });
    this.publishMessage(row, message);
    return { message, created: true };
  }

  /** Stores a system event line in the caller's transaction (accepted, closed, call ended...). */
  static async event(
    tx: Tx,
    row: Pick<ConsultationCore, 'id' | 'org_id'>,
    event: Record<string, unknown> & { type: string },
    activate = false,
  ): Promise<string> {
    const stored = await repo.insert(
      tx,
      {
        orgId: row.org_id,
        consultationId: row.id,
        clientId: null,
        senderAccountId: null,
        senderRole: 'system',
        kind: 'event',
        body: null,
        attachmentId: null,
        event,
      },
      activate,
    );
    return stored.id;
  }

  /** Pushes stored messages (by id) to the consultation's participants. */
  async publishStored(row: ConsultationCore, messageIds: readonly string[]): Promise<void> {
    for (const id of messageIds) {
      const full = await repo.byId(this.deps.db, id);
      if (full) this.publishMessage(row, toMessage(full));
    }
  }

  private publishMessage(row: ConsultationCore, message: ConsultationMessage): void {
    publishToParticipants(this.deps.realtime, row.participants.length ? row.participants : [], {
      type: 'consultations.message.created',
      id: message.id,
      consultationId: message.consultationId,
      message,
      at: new Date().toISOString(),
    });
  }

  async list(
    ctx: RequestContext,
    consultationId: string,
    query: { after?: number | undefined; before?: number | undefined; limit: number },
  ): Promise<MessagePage> {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await loadAuthorizedCore(tx, ctx.actor, consultationId);
      const rows =
        query.before !== undefined
          ? await repo.before(tx, consultationId, query.before, query.limit)
          : await repo.after(tx, consultationId, query.after ?? 0, query.limit);
      await recordAudit(tx, ctx, {
        action: 'consultation.messages.read',
        resourceType: 'consultation',
        resourceId: consultationId,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { count: Math.min(rows.length, query.limit) },
      });
      return { items: rows.slice(0, query.limit).map(toMessage), hasMore: rows.length > query.limit };
    });
  }

  /** Moves the caller's delivered/read marks forward and tells the other participants. */
  async receipt(
    ctx: RequestContext,
    consultationId: string,
    marks: { deliveredSeq?: number | undefined; readSeq?: number | undefined },
  ): Promise<void> {
    const row = authorize(await consultations.loadCore(this.deps.db, consultationId, ctx.actor), ctx.actor);
    if (!meIn(row, ctx.actor.accountId)) {
      if (ctx.actor.kind !== 'patient') return;
      await consultations.addParticipant(this.deps.db, {
        consultationId,
        accountId: ctx.actor.accountId,
        role: 'patient',
        addedBy: ctx.actor.accountId,
      });
    }
    const moved = await repo.advanceReceipts(
      this.deps.db,
      consultationId,
      ctx.actor.accountId,
      marks.deliveredSeq,
      marks.readSeq,
    );
    if (!moved) return;
    publishToParticipants(
      this.deps.realtime,
      row.participants,
      {
        type: 'consultations.receipt.updated',
        consultationId,
        accountId: ctx.actor.accountId,
        deliveredSeq: Number(moved.delivered),
        readSeq: Number(moved.read),
        at: new Date().toISOString(),
      },
      ctx.actor.accountId,
    );
  }

  /** Typing indicators are not stored: a hint pushed to the others, access checked like a message. */
  async typing(ctx: RequestContext, consultationId: string, typing: boolean): Promise<void> {
    const row = authorize(await consultations.loadCore(this.deps.db, consultationId, ctx.actor), ctx.actor);
    if (!canMessage(row, ctx.actor)) return;
    publishToParticipants(
      this.deps.realtime,
      row.participants,
      {
        type: 'consultations.typing.changed',
        consultationId,
        accountId: ctx.actor.accountId,
        typing,
        at: new Date().toISOString(),
      },
      ctx.actor.accountId,
    );
  }
}

function patientRole(row: ConsultationCore, accountId: string): 'patient' | 'guest' {
  return row.patient_access ? 'patient' : meIn(row, accountId)?.role === 'guest' ? 'guest' : 'patient';
}

/**
 * An attachment may be sent only by whoever uploaded it, in the consultation it was uploaded to, as its kind.
 * Returns what the message shows of it.
 */
async function requireOwnAttachment(
  tx: Tx,
  consultationId: string,
  accountId: string,
  body: SendMessageBody,
): Promise<OwnAttachment> {
  const attachment = await repo.ownAttachment(tx, consultationId, body.attachmentId!, accountId);
  if (!attachment)
    throw new AppError('CONSULTATION_ATTACHMENT_NOT_FOUND', {
      errors: [{ path: 'attachmentId', message: 'not_found' }],
    });
  if (attachment.kind !== body.kind)
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'kind', message: 'does_not_match_attachment' }],
    });
  return attachment;
}
