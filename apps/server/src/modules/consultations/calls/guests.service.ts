import type { Consultation } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { notify } from '../../notifications/index.ts';
import {
  consultationsRepository as consultations,
  type ConsultationRow,
} from '../consultations.repository.ts';
import { authorize, loadAuthorized } from '../consultation-access.ts';
import { toConsultation } from '../consultation-view.ts';
import { publishToParticipants } from '../publish.ts';
import { MessagesService } from '../messages/messages.service.ts';
import { callsRepository as repo, type InvitableRow } from './calls.repository.ts';

const RELATIONSHIPS: Record<string, { zh: string; en: string }> = {
  self: { zh: '本人账号', en: 'own account' },
  parent: { zh: '父母', en: 'parent' },
  child: { zh: '子女', en: 'child' },
  spouse: { zh: '配偶', en: 'spouse' },
  sibling: { zh: '兄弟姐妹', en: 'sibling' },
  grandparent: { zh: '祖父母', en: 'grandparent' },
  other: { zh: '家人', en: 'family' },
  proxy: { zh: '授权代理人', en: 'proxy' },
};

/**
 * A third party in a consultation (and so in its calls): the doctor invites a colleague, or someone of the
 * patient's family (an account linked to the patient, or holding a proxy grant). Only the consultation's doctor.
 */
export class GuestsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly messages: MessagesService,
  ) {}

  async invitable(ctx: RequestContext, consultationId: string, language: Language) {
    const row = await loadAuthorized(this.deps.db, ctx.actor, consultationId);
    requireDoctorOf(row, ctx);
    const people = await repo.invitable(this.deps.db, {
      id: row.id,
      orgId: row.org_id,
      patientId: row.patient_id,
    });
    await recordAudit(this.deps.db, ctx, {
      action: 'consultation.invitable.read',
      resourceType: 'consultation',
      resourceId: row.id,
      patientId: row.patient_id,
      orgId: row.org_id,
      detail: { count: people.length },
    });
    return {
      items: people
        .filter((p) => p.account_id !== ctx.actor.accountId)
        .map((p) => ({ accountId: p.account_id, name: p.name, kind: p.kind, detail: detailOf(p, language) })),
    };
  }

  async add(
    ctx: RequestContext,
    consultationId: string,
    accountId: string,
    language: Language,
  ): Promise<Consultation> {
    const { actor } = ctx;
    const eventId = await this.deps.db.transaction().execute(async (tx) => {
      if (!(await consultations.lock(tx, consultationId))) throw new AppError('CONSULTATION_NOT_FOUND');
      const row = await loadAuthorized(tx, actor, consultationId);
      requireDoctorOf(row, ctx);
      if (row.status !== 'accepted' && row.status !== 'active') throw new AppError('CONSULTATION_STATE');
      const guest = (
        await repo.invitable(tx, { id: row.id, orgId: row.org_id, patientId: row.patient_id })
      ).find((p) => p.account_id === accountId && p.account_id !== actor.accountId);
      if (!guest)
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'accountId', message: 'not_invitable' }],
        });
      await consultations.addParticipant(tx, {
        consultationId,
        accountId,
        role: 'guest',
        addedBy: actor.accountId,
      });
      await recordAudit(tx, ctx, {
        action: 'consultation.guest.add',
        resourceType: 'consultation',
        resourceId: row.id,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { guestKind: guest.kind },
      });
      await notify(tx, [
        {
          orgId: row.org_id,
          accountId,
          patientId: row.patient_id,
          kind: 'consultation_update',
          titleZh: `${actor.displayName}医生邀请您加入问诊`,
          titleEn: `Dr. ${actor.displayName} invited you to a consultation`,
          bodyZh: '打开 CareLoop 查看详情。',
          bodyEn: 'Open CareLoop for the details.',
          link: guest.kind === 'doctor' ? `/consultations/${row.id}` : `/consult/${row.id}`,
          dedupeKey: `consultation:${row.id}:guest:${accountId}`,
        },
      ]);
      return MessagesService.event(tx, row, { type: 'guest_added', by: { id: accountId, name: guest.name } });
    });
    const row = authorize(await consultations.load(this.deps.db, consultationId, actor), actor);
    publishToParticipants(this.deps.realtime, row.participants, {
      type: 'consultations.consultation.updated',
      id: row.id,
      version: row.version,
      patientId: row.patient_id,
      status: row.status,
      at: new Date().toISOString(),
    });
    await this.messages.publishStored(row, [eventId]);
    return toConsultation(row, actor, language);
  }
}

function requireDoctorOf(row: ConsultationRow, ctx: RequestContext): void {
  if (ctx.actor.kind !== 'staff' || row.doctor_account_id !== ctx.actor.accountId)
    throw new AppError('CONSULTATION_NOT_YOURS');
}

function detailOf(p: InvitableRow, language: Language): string | null {
  const zh = language === 'zh-CN';
  if (p.kind === 'doctor') {
    const department = zh ? p.department_zh : p.department_en;
    return [department, p.title].filter(Boolean).join(' · ') || null;
  }
  if (!p.relationship) return null;
  const known = RELATIONSHIPS[p.relationship];
  return known ? (zh ? known.zh : known.en) : p.relationship;
}
