import type { AdverseReaction, ReviewReactionBody } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit, recordAudits } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { notify } from '../notifications/index.ts';
import { ALLERGIES, createEntry } from '../records/index.ts';
import { reactionsRepository as repo, type ReactionRow } from './reactions.repository.ts';
import { patientAccounts } from './patient-accounts.ts';

const SEVERITY_ZH = { mild: '轻度', moderate: '中度', severe: '重度' } as const;

export function toReaction(r: ReactionRow, language: Language): AdverseReaction {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    prescriptionItemId: r.prescription_item_id,
    drugName: language === 'zh-CN' ? r.drug_name_zh : r.drug_name_en,
    symptoms: r.symptoms,
    severity: r.severity,
    startedAt: r.started_at.toISOString(),
    status: r.status,
    reviewNote: r.review_note,
    reviewedAt: r.reviewed_at ? r.reviewed_at.toISOString() : null,
    allergyId: r.allergy_id,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/**
 * Adverse drug reactions: the patient reports one against a drug of their prescriptions and the prescriber is
 * alerted (in-app and in real time through the notifications module; a severe one even in quiet hours); the
 * doctor reviews it, and may add it to the record's allergies through the records module's own entry writer.
 */
export class ReactionsService {
  constructor(private readonly deps: AppDeps) {}

  async report(
    ctx: RequestContext,
    patientId: string,
    body: {
      prescriptionItemId: string;
      symptoms: string;
      severity: 'mild' | 'moderate' | 'severe';
      startedAt: string;
    },
    language: Language,
  ): Promise<AdverseReaction> {
    if (ctx.actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    const startedAt = new Date(body.startedAt);
    if (startedAt.getTime() > Date.now() + 5 * 60_000) {
      throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'startedAt', message: 'in_future' }] });
    }
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const item = await repo.prescribedItem(tx, patientId, body.prescriptionItemId);
      if (!item) throw new AppError('PRESCRIPTION_ITEM_NOT_FOUND');
      const id = uuidv7();
      await repo.insert(tx, {
        id,
        org_id: item.org_id,
        patient_id: patientId,
        prescription_item_id: item.id,
        prescriber_account_id: item.prescriber_account_id,
        reported_by: ctx.actor.accountId,
        symptoms: body.symptoms,
        severity: body.severity,
        started_at: startedAt,
      });
      const row = (await repo.load(tx, id))!;
      await recordAudit(tx, ctx, {
        action: 'adverse_reaction.report',
        resourceType: 'adverse_reaction',
        resourceId: id,
        patientId,
        orgId: item.org_id,
        detail: { basis: access.basis, severity: body.severity },
      });
      await notify(tx, [
        {
          orgId: item.org_id,
          accountId: item.prescriber_account_id,
          patientId,
          kind: 'medication_reaction',
          titleZh: `${row.patient_name} 报告了用药不良反应（${SEVERITY_ZH[body.severity]}）`,
          titleEn: `${row.patient_name} reported a medication reaction (${body.severity})`,
          bodyZh: '请查看并评估是否需要调整用药或记入过敏史。',
          bodyEn: 'Review it and decide whether to change the medication or record it as an allergy.',
          link: `/reactions?id=${id}`,
          dedupeKey: `reaction:${id}`,
          urgency: body.severity === 'severe' ? 'urgent' : 'normal',
        },
      ]);
      return toReaction(row, language);
    });
  }

  async listForPatient(ctx: RequestContext, patientId: string, language: Language) {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.forPatient(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'adverse_reaction.list',
        resourceType: 'adverse_reaction',
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, count: rows.length },
      });
      return { items: rows.map((r) => toReaction(r, language)) };
    });
  }

  /** The reactions reported against the signed-in doctor's prescriptions (to review first). */
  async listForPrescriber(ctx: RequestContext, status: 'reported' | 'all', language: Language) {
    const { actor } = ctx;
    if (actor.kind !== 'staff' || !hasRole(actor, 'doctor')) throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await repo.forPrescriber(tx, actor.orgId, actor.accountId, status);
      await recordAudits(
        tx,
        ctx,
        [...new Set(rows.map((r) => r.patient_id))].map((patientId) => ({
          action: 'adverse_reaction.list',
          resourceType: 'adverse_reaction',
          patientId,
          orgId: actor.orgId,
          detail: { basis: 'prescriber' },
        })),
      );
      return { items: rows.map((r) => toReaction(r, language)) };
    });
  }

  async review(
    ctx: RequestContext,
    id: string,
    body: ReviewReactionBody,
    language: Language,
  ): Promise<AdverseReaction> {
    const { actor } = ctx;
    if (actor.kind !== 'staff' || !hasRole(actor, 'doctor')) throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.load(tx, id, { lock: true });
      if (!row || row.org_id !== actor.orgId) throw new AppError('REACTION_NOT_FOUND');
      // Reviewing writes to the record: a care relationship is needed (break-glass does not allow it).
      const access = await requirePatientAccess(tx, actor, row.patient_id, 'edit');
      if (row.status !== 'reported') throw new AppError('REACTION_REVIEWED');
      if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
      let allergyId: string | null = null;
      if (body.decision === 'add_to_allergies') {
        const substance = body.substance ?? (language === 'zh-CN' ? row.drug_name_zh : row.drug_name_en);
        const allergy = await createEntry(
          tx,
          ctx,
          ALLERGIES,
          row.patient_id,
          {
            substance,
            category: 'drug',
            reaction: row.symptoms.slice(0, 300),
            severity: row.severity,
            status: 'active',
            notedOn: row.started_at.toISOString().slice(0, 10),
            note: body.note ?? null,
          },
          language,
        );
        allergyId = allergy.id as string;
      }
      const status = body.decision === 'add_to_allergies' ? 'added_to_allergies' : body.decision;
      if (
        !(await repo.review(tx, row.id, body.version, {
          status,
          reviewedBy: actor.accountId,
          note: body.note ?? null,
          allergyId,
        }))
      ) {
        throw new AppError('VERSION_CONFLICT');
      }
      await recordAudit(tx, ctx, {
        action: 'adverse_reaction.review',
        resourceType: 'adverse_reaction',
        resourceId: row.id,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { basis: access.basis, decision: body.decision },
      });
      const accounts = await patientAccounts(tx, row.patient_id);
      await notify(
        tx,
        accounts.map((accountId) => ({
          orgId: row.org_id,
          accountId,
          patientId: row.patient_id,
          kind: 'medication_reaction' as const,
          titleZh: '医生已查看您报告的不良反应',
          titleEn: 'Your doctor reviewed the reaction you reported',
          bodyZh: status === 'added_to_allergies' ? '已记入您的过敏史。' : '可在应用中查看医生的意见。',
          bodyEn:
            status === 'added_to_allergies'
              ? 'It was added to your allergies.'
              : "See the doctor's note in the app.",
          link: '/medications/reactions',
          dedupeKey: `reaction:${row.id}:reviewed`,
        })),
      );
      return toReaction((await repo.load(tx, row.id))!, language);
    });
  }
}
