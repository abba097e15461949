import type { Referral, ReferralBookBody } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { ReferralEventTypeColumn, ReferralsTable } from '../../platform/db/schema-referrals.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { storeEncounter } from '../records/index.ts';
import { profileAtOrg } from '../patients/index.ts';
import { bookSlotInTransaction, releaseAppointment } from '../scheduling/index.ts';
import type { Updateable } from 'kysely';
import { referralsRepository as repo, type ReferralRow } from './referrals.repository.ts';
import { isAddressedTo, isReceiver, isReferrer } from './referral-access.ts';
import { MESSAGES, tell, type Audience } from './referral-notes.ts';
import type { ReferralsService } from './referrals.service.ts';

interface Step {
  event: ReferralEventTypeColumn;
  set: Updateable<ReferralsTable>;
  note?: string | null;
  tell: readonly { to: Audience; message: (typeof MESSAGES)[keyof typeof MESSAGES] }[];
  /** Distinguishes repeated steps of one kind (a rebooking) so each notifies. */
  dedupe?: string;
}

const OPEN_AFTER_CONSENT = ['consented', 'accepted', 'booked'] as const;

/**
 * The referral's life after it was sent: the patient consents, refuses or later withdraws; the referring doctor may
 * cancel; a receiver accepts or declines, books and reports back. Each step is one transaction on the locked row that
 * checks who may take it, records the step with who and when, writes an audit entry and notifies the other sides.
 */
export class ReferralStepsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly referrals: ReferralsService,
  ) {}

  async consent(ctx: RequestContext, id: string, version: number | undefined, language: Language) {
    return this.patientStep(ctx, id, language, (row) => {
      if (row.status !== 'awaiting_consent') throw new AppError('REFERRAL_STATE');
      if (version !== undefined && version !== row.version) throw new AppError('VERSION_CONFLICT');
      return {
        event: 'consented',
        set: {
          status: 'consented',
          consent_state: 'given',
          consent_by: ctx.actor.accountId,
          consent_at: new Date(),
        },
        tell: [
          { to: 'referrer', message: MESSAGES.consentedReferrer },
          { to: 'receivers', message: MESSAGES.consentedReceiver },
        ],
      };
    });
  }

  async refuse(ctx: RequestContext, id: string, reason: string | undefined, language: Language) {
    return this.patientStep(ctx, id, language, (row) => {
      if (row.status !== 'awaiting_consent') throw new AppError('REFERRAL_STATE');
      return {
        event: 'refused',
        note: reason ?? null,
        set: {
          status: 'declined',
          consent_state: 'refused',
          consent_by: ctx.actor.accountId,
          consent_at: new Date(),
        },
        tell: [{ to: 'referrer', message: MESSAGES.refused }],
      };
    });
  }

  /** Withdrawing consent ends the referral and, at once, the receiver's access to the shared record. */
  async withdraw(ctx: RequestContext, id: string, reason: string | undefined, language: Language) {
    return this.patientStep(ctx, id, language, (row) => {
      if (row.consent_state !== 'given' || !isOneOf(row.status, OPEN_AFTER_CONSENT))
        throw new AppError('REFERRAL_STATE');
      return {
        event: 'withdrawn',
        note: reason ?? null,
        set: {
          status: 'withdrawn',
          consent_state: 'withdrawn',
          consent_by: ctx.actor.accountId,
          consent_at: new Date(),
        },
        tell: [
          { to: 'referrer', message: MESSAGES.withdrawn },
          { to: 'receivers', message: MESSAGES.withdrawn },
        ],
      };
    });
  }

  async cancel(ctx: RequestContext, id: string, reason: string | undefined, language: Language) {
    return this.step(ctx, id, language, (row) => {
      if (!isReferrer(row, ctx.actor)) throw new AppError('REFERRAL_NOT_FOUND');
      if (row.status !== 'awaiting_consent' && !isOneOf(row.status, OPEN_AFTER_CONSENT))
        throw new AppError('REFERRAL_STATE');
      return {
        event: 'cancelled',
        note: reason ?? null,
        set: { status: 'cancelled' },
        tell: [
          { to: 'patient', message: MESSAGES.cancelled },
          ...(row.consent_state === 'given'
            ? [{ to: 'receivers' as const, message: MESSAGES.cancelled }]
            : []),
        ],
      };
    });
  }

  /** Exactly one receiver takes a referral: the row is locked, and a second finds it accepted (409). */
  async accept(ctx: RequestContext, id: string, version: number | undefined, language: Language) {
    return this.step(ctx, id, language, (row) => {
      if (row.accepted_by && (row.accepted_by === ctx.actor.accountId || isAddressedTo(row, ctx.actor)))
        throw new AppError('REFERRAL_ALREADY_ACCEPTED');
      if (!isReceiver(row, ctx.actor)) throw new AppError('REFERRAL_NOT_FOUND');
      if (row.status !== 'consented') throw new AppError('REFERRAL_STATE');
      if (version !== undefined && version !== row.version) throw new AppError('VERSION_CONFLICT');
      return {
        event: 'accepted',
        set: { status: 'accepted', accepted_by: ctx.actor.accountId, accepted_at: new Date() },
        tell: [
          { to: 'referrer', message: MESSAGES.accepted },
          { to: 'patient', message: MESSAGES.accepted },
        ],
      };
    });
  }

  async decline(ctx: RequestContext, id: string, reason: string, language: Language) {
    return this.step(ctx, id, language, (row) => {
      if (!isReceiver(row, ctx.actor)) throw new AppError('REFERRAL_NOT_FOUND');
      if (row.status !== 'consented' && row.status !== 'accepted') throw new AppError('REFERRAL_STATE');
      return {
        event: 'declined',
        note: reason,
        set: { status: 'declined', decline_reason: reason },
        tell: [
          { to: 'referrer', message: MESSAGES.declined },
          { to: 'patient', message: MESSAGES.declined },
        ],
      };
    });
  }

  /**
   * Books the visit: a slot of the receiving organization's schedule (the patient is registered there from the
   * referral if that organization has no profile of them yet, and the appointment gives the receiving doctor the
   * care relationship), or, where the visit was arranged by other means, a planned date and a note.
   */
  async book(ctx: RequestContext, id: string, body: ReferralBookBody, language: Language) {
    return this.step(ctx, id, language, async (row, tx) => {
      this.requireAccepter(row, ctx);
      if (row.status !== 'accepted' && row.status !== 'booked') throw new AppError('REFERRAL_STATE');
      let appointmentId: string | null = null;
      let plannedAt = body.plannedAt ?? null;
      if (body.slotId) {
        if (row.appointment_id) await releaseAppointment(tx, ctx, row.appointment_id);
        const { patientId } = await profileAtOrg(tx, ctx, {
          sourcePatientId: row.patient_id,
          orgId: row.target_org_id,
          referralId: row.id,
        });
        appointmentId = uuidv7();
        const place = await bookSlotInTransaction(tx, ctx, {
          id: appointmentId,
          patientId,
          slotId: body.slotId,
          orgId: row.target_org_id,
          basis: 'referral',
        });
        plannedAt = place.starts_at.toISOString();
      }
      return {
        event: 'booked',
        note: body.note ?? null,
        dedupe: `booked:${row.version}`,
        set: {
          status: 'booked',
          appointment_id: appointmentId,
          planned_at: plannedAt,
          booking_note: body.note ?? null,
          booked_by: ctx.actor.accountId,
          booked_at: new Date(),
        },
        tell: [
          { to: 'referrer', message: MESSAGES.booked },
          { to: 'patient', message: MESSAGES.booked },
        ],
      };
    });
  }

  /** The receiver reports back; the outcome becomes an outpatient encounter in the patient's record. */
  async report(ctx: RequestContext, id: string, outcome: string, language: Language) {
    return this.step(ctx, id, language, async (row, tx) => {
      this.requireAccepter(row, ctx);
      if (row.status !== 'accepted' && row.status !== 'booked') throw new AppError('REFERRAL_STATE');
      const zh = language === 'zh-CN';
      const now = new Date();
      const encounterId = await storeEncounter(tx, {
        orgId: row.org_id,
        patientId: row.patient_id,
        kind: 'outpatient',
        startedAt: row.planned_at && row.planned_at < now ? row.planned_at : now,
        endedAt: now,
        department: (zh ? row.to_department_zh : row.to_department_en) ?? row.to_department_zh,
        practitioner: ctx.actor.displayName,
        reason: `${zh ? '转诊' : 'Referral'}: ${row.reason}`,
        summary: outcome,
        diagnoses: [],
        recordedBy: ctx.actor.accountId,
        sourceOrg: zh ? row.to_org_zh : row.to_org_en,
      });
      return {
        event: 'completed',
        set: {
          status: 'completed',
          outcome,
          completed_by: ctx.actor.accountId,
          completed_at: now,
          encounter_id: encounterId,
        },
        tell: [
          { to: 'referrer', message: MESSAGES.completed },
          { to: 'patient', message: MESSAGES.completed },
        ],
      };
    });
  }

  private requireAccepter(row: ReferralRow, ctx: RequestContext) {
    if (!isReceiver(row, ctx.actor)) throw new AppError('REFERRAL_NOT_FOUND');
    if (row.accepted_by !== ctx.actor.accountId) throw new AppError('REFERRAL_NOT_RECEIVER');
  }

  /** A step of the patient side: the patient, or a proxy who may act for them (the consult scope). */
  private async patientStep(
    ctx: RequestContext,
    id: string,
    language: Language,
    decide: (row: ReferralRow) => Step,
  ): Promise<Referral> {
    if (ctx.actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    return this.step(ctx, id, language, async (row, tx) => {
      try {
        await requirePatientAccess(tx, ctx.actor, row.patient_id, 'consult');
      } catch {
        throw new AppError('REFERRAL_NOT_FOUND');
      }
      return decide(row);
    });
  }

  private async step(
    ctx: RequestContext,
    id: string,
    language: Language,
    decide: (row: ReferralRow, tx: Tx) => Step | Promise<Step>,
  ): Promise<Referral> {
    await this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.lock(tx, id))) throw new AppError('REFERRAL_NOT_FOUND');
      const row = await repo.load(tx, id);
      if (!row) throw new AppError('REFERRAL_NOT_FOUND');
      const step = await decide(row, tx);
      await repo.update(tx, id, step.set);
      await repo.addEvent(tx, {
        id: uuidv7(),
        referralId: id,
        orgId: row.org_id,
        type: step.event,
        actorAccountId: ctx.actor.accountId,
        note: step.note ?? null,
      });
      await recordAudit(tx, ctx, {
        action: `referral.${step.event}`,
        resourceType: 'referral',
        resourceId: id,
        patientId: row.patient_id,
        orgId: row.org_id,
      });
      const changed = await repo.load(tx, id);
      if (changed) await tell(tx, changed, step.dedupe ?? step.event, step.tell);
    });
    return this.referrals.get(ctx, id, language, false);
  }
}

function isOneOf<T extends string>(value: string, list: readonly T[]): value is T {
  return (list as readonly string[]).includes(value);
}
