import type {
  Consultation,
  ConsultationList,
  ConsultationSummaryForm,
  OpenConsultationBody,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { requireIcd10, storeEncounter } from '../records/index.ts';
import { notify } from '../notifications/index.ts';
import { consultationsRepository as repo, type ConsultationRow } from './consultations.repository.ts';
import { authorize, loadAuthorized, mayTake } from './consultation-access.ts';
import { meIn, toConsultation } from './consultation-view.ts';
import { publishToParticipants } from './publish.ts';
import { MessagesService } from './messages/messages.service.ts';

const FOREVER = new Date('9999-12-31T00:00:00Z');

/**
 * The consultation's life: requested -> accepted -> active -> closed (or declined, expired, cancelled), each step
 * one transaction that checks who may take it against the locked row, writes an event line into the
 * conversation and an audit entry, and tells the participants once it committed.
 */
export class ConsultationsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly messages: MessagesService,
  ) {}

  async open(ctx: RequestContext, body: OpenConsultationBody, language: Language): Promise<Consultation> {
    const { actor } = ctx;
    if (actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    const id = uuidv7();
    const eventIds: string[] = [];
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, actor, body.patientId, 'consult');
      const doctors = await repo.doctors(tx, access.orgId, body.doctorId);
      if (body.doctorId && doctors.length === 0)
        throw new AppError('CONSULTATION_DOCTOR_INVALID', {
          errors: [{ path: 'doctorId', message: 'unknown_doctor' }],
        });
      const departmentId = body.departmentId ?? doctors[0]?.department_id ?? null;
      if (body.departmentId) {
        const departments = await repo.departments(tx, access.orgId);
        if (!departments.some((d) => d.id === body.departmentId))
          throw new AppError('CONSULTATION_DEPARTMENT_INVALID', {
            errors: [{ path: 'departmentId', message: 'unknown_department' }],
          });
      }
      const settings = await repo.settings(tx, access.orgId);
      await repo.insert(tx, {
        id,
        org_id: access.orgId,
        patient_id: body.patientId,
        requested_by: actor.accountId,
        doctor_account_id: body.doctorId ?? null,
        department_id: departmentId,
        status: 'requested',
        chief_complaint: body.chiefComplaint,
        expires_at: new Date(Date.now() + settings.requestExpiryHours * 3_600_000),
        diagnoses: null,
      });
      await repo.addParticipant(tx, {
        consultationId: id,
        accountId: actor.accountId,
        role: 'patient',
        addedBy: actor.accountId,
      });
      eventIds.push(
        await MessagesService.event(
          tx,
          { id, org_id: access.orgId },
          { type: 'requested', by: { id: actor.accountId, name: actor.displayName } },
        ),
      );
      await recordAudit(tx, ctx, {
        action: 'consultation.create',
        resourceType: 'consultation',
        resourceId: id,
        patientId: body.patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, pool: body.doctorId === undefined },
      });
      if (body.doctorId) {
        await notify(tx, [
          {
            orgId: access.orgId,
            accountId: body.doctorId,
            patientId: body.patientId,
            kind: 'consultation_update',
            titleZh: '新的问诊请求',
            titleEn: 'New consultation request',
            bodyZh: '一位患者向您发起了在线问诊。',
            bodyEn: 'A patient has asked you for an online consultation.',
            link: `/consultations/${id}`,
            dedupeKey: `consultation:${id}:requested`,
          },
        ]);
      }
    });
    const row = authorize(await repo.load(this.deps.db, id, actor), actor);
    this.deps.realtime.publish(
      'console',
      { orgId: row.org_id },
      changed('consultations.consultation.created', row),
    );
    return toConsultation(row, actor, language);
  }

  async list(
    ctx: RequestContext,
    query: {
      view: 'waiting' | 'open' | 'mine' | 'past';
      patientId?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    },
    language: Language,
  ): Promise<ConsultationList> {
    const { actor } = ctx;
    const before = idCursor(query.cursor);
    let rows: ConsultationRow[];
    if (actor.kind === 'patient') {
      if (query.view === 'waiting' || query.view === 'mine')
        throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'view', message: 'staff_only' }] });
      if (query.patientId) await requirePatientAccess(this.deps.db, actor, query.patientId, 'consult');
      rows = await repo.listForPatientSide(
        this.deps.db,
        actor.accountId,
        query.view,
        query.patientId,
        query.limit,
        before,
      );
    } else {
      const view = query.view === 'open' ? 'mine' : query.view;
      rows = await repo.listForStaff(this.deps.db, actor, view, query.limit, before);
    }
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    await recordAudit(this.deps.db, ctx, {
      action: 'consultation.list',
      resourceType: 'consultation',
      detail: { view: query.view, count: page.length },
    });
    return {
      items: page.map((r) => toConsultation(r, actor, language)),
      nextCursor: rows.length > query.limit && last ? last.id : null,
    };
  }

  async get(ctx: RequestContext, id: string, language: Language): Promise<Consultation> {
    const row = await loadAuthorized(this.deps.db, ctx.actor, id);
    await recordAudit(this.deps.db, ctx, {
      action: 'consultation.read',
      resourceType: 'consultation',
      resourceId: id,
      patientId: row.patient_id,
      orgId: row.org_id,
    });
    return toConsultation(row, ctx.actor, language);
  }

  /** Exactly one doctor wins: the row is locked, and the second finds it no longer waiting. */
  async accept(
    ctx: RequestContext,
    id: string,
    version: number | undefined,
    language: Language,
  ): Promise<Consultation> {
    const { actor } = ctx;
    return this.transition(
      ctx,
      id,
      language,
      async (tx, row) => {
        if (row.status !== 'requested') {
          throw new AppError(
            row.status === 'accepted' || row.status === 'active'
              ? 'CONSULTATION_ALREADY_TAKEN'
              : 'CONSULTATION_STATE',
          );
        }
        if (!mayTake(row, actor)) throw new AppError('FORBIDDEN');
        if (version !== undefined && version !== row.version) throw new AppError('VERSION_CONFLICT');
        await repo.update(tx, id, {
          status: 'accepted',
          doctor_account_id: actor.accountId,
          accepted_at: new Date(),
          accepted_by: actor.accountId,
          care_until: FOREVER,
        });
        await repo.addParticipant(tx, {
          consultationId: id,
          accountId: actor.accountId,
          role: 'doctor',
          addedBy: actor.accountId,
        });
        await this.tellPatientSide(tx, row, 'accepted', {
          zh: `${actor.displayName}医生已接诊`,
          en: `Dr. ${actor.displayName} has accepted your consultation`,
        });
        return { type: 'accepted', by: { id: actor.accountId, name: actor.displayName } };
      },
      true,
    );
  }

  async decline(ctx: RequestContext, id: string, reason: string, language: Language): Promise<Consultation> {
    const { actor } = ctx;
    return this.transition(
      ctx,
      id,
      language,
      async (tx, row) => {
        if (row.status !== 'requested') throw new AppError('CONSULTATION_STATE');
        if (!mayTake(row, actor)) throw new AppError('FORBIDDEN');
        await this.end(tx, row, 'declined', actor.accountId, reason);
        await this.tellPatientSide(tx, row, 'declined', {
          zh: '医生未能接诊您的问诊',
          en: 'The doctor could not take your consultation',
        });
        return { type: 'declined', by: { id: actor.accountId, name: actor.displayName }, reason };
      },
      true,
    );
  }

  async cancel(
    ctx: RequestContext,
    id: string,
    reason: string | undefined,
    language: Language,
  ): Promise<Consultation> {
    const { actor } = ctx;
    if (actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    return this.transition(ctx, id, language, async (tx, row) => {
      if (row.status !== 'requested' && row.status !== 'accepted') throw new AppError('CONSULTATION_STATE');
      await this.end(tx, row, 'cancelled', actor.accountId, reason ?? null);
      return {
        type: 'cancelled',
        by: { id: actor.accountId, name: actor.displayName },
        ...(reason ? { reason } : {}),
      };
    });
  }

  /** The doctor's summary closes the consultation and becomes a telehealth encounter in the record. */
  async close(
    ctx: RequestContext,
    id: string,
    form: ConsultationSummaryForm,
    language: Language,
  ): Promise<Consultation> {
    const { actor } = ctx;
    return this.transition(ctx, id, language, async (tx, row) => {
      if (
        actor.kind !== 'staff' ||
        meIn(row, actor.accountId)?.role !== 'doctor' ||
        row.doctor_account_id !== actor.accountId
      )
        throw new AppError('CONSULTATION_NOT_YOURS');
      if (row.status !== 'accepted' && row.status !== 'active') throw new AppError('CONSULTATION_STATE');
      if (form.version !== row.version) throw new AppError('VERSION_CONFLICT');
      const diagnoses = form.diagnoses.map((d, i) => requireIcd10(d.code, `diagnoses.${i}.code`, language));
      const settings = await repo.settings(tx, row.org_id);
      const now = new Date();
      const followUpUntil = new Date(now.getTime() + settings.followUpDays * 86_400_000);
      const encounterId = await storeEncounter(tx, {
        orgId: row.org_id,
        patientId: row.patient_id,
        kind: 'telehealth',
        startedAt: row.accepted_at ?? row.created_at,
        endedAt: now,
        department: (language === 'zh-CN' ? row.department_zh : row.department_en) ?? null,
        practitioner: actor.displayName,
        reason: row.chief_complaint,
        summary: encounterSummary(diagnoses, form, language),
        diagnoses,
        recordedBy: actor.accountId,
        sourceOrg: null,
      });
      await repo.update(tx, id, {
        status: 'closed',
        ended_at: now,
        ended_by: actor.accountId,
        diagnoses: JSON.stringify(diagnoses),
        advice: form.advice,
        follow_up_interval_days: form.followUpIntervalDays ?? null,
        encounter_id: encounterId,
        follow_up_until: followUpUntil,
        care_until: followUpUntil,
      });
      await this.tellPatientSide(tx, row, 'closed', {
        zh: '医生已给出问诊小结',
        en: 'Your doctor has written the consultation summary',
      });
      return { type: 'closed', by: { id: actor.accountId, name: actor.displayName } };
    });
  }

  async rate(
    ctx: RequestContext,
    id: string,
    rating: { stars: number; comment?: string | undefined },
    language: Language,
  ): Promise<Consultation> {
    const { actor } = ctx;
    if (actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    return this.transition(ctx, id, language, async (tx, row) => {
      if (row.status !== 'closed') throw new AppError('CONSULTATION_STATE');
      if (row.rated_at) throw new AppError('CONSULTATION_ALREADY_RATED');
      await repo.update(tx, id, {
        rating_stars: rating.stars,
        rating_comment: rating.comment ?? null,
        rated_at: new Date(),
      });
      return { type: 'rated', by: { id: actor.accountId, name: actor.displayName } };
    });
  }

  /**
   * One state change: lock, check and change in a transaction with its event line and audit entry; then push
   * the new state and the event line to everyone in it (and the org's consoles, whose queues may change).
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    language: Language,
    change: (tx: Tx, row: ConsultationRow) => Promise<Record<string, unknown> & { type: string }>,
    taking = false,
  ): Promise<Consultation> {
    const { actor } = ctx;
    let eventId = '';
    let action = '';
    await this.deps.db.transaction().execute(async (tx) => {
      const locked = await repo.lock(tx, id);
      if (!locked) throw new AppError('CONSULTATION_NOT_FOUND');
      const loaded = await repo.load(tx, id, actor);
      if (taking && loaded && wasTakenFrom(loaded, actor)) throw new AppError('CONSULTATION_ALREADY_TAKEN');
      const row = authorize(loaded, actor);
      const event = await change(tx, row);
      action = event.type;
      eventId = await MessagesService.event(tx, row, event);
      await recordAudit(tx, ctx, {
        action: `consultation.${event.type}`,
        resourceType: 'consultation',
        resourceId: id,
        patientId: row.patient_id,
        orgId: row.org_id,
      });
    });
    const row = authorize(await repo.load(this.deps.db, id, actor), actor);
    publishToParticipants(
      this.deps.realtime,
      row.participants,
      changed('consultations.consultation.updated', row),
    );
    if (action === 'accepted' || action === 'declined' || action === 'cancelled')
      this.deps.realtime.publish(
        'console',
        { orgId: row.org_id },
        changed('consultations.consultation.updated', row),
      );
    await this.messages.publishStored(row, [eventId]);
    return toConsultation(row, actor, language);
  }

  private async end(
    tx: Tx,
    row: ConsultationRow,
    status: 'declined' | 'cancelled',
    by: string,
    reason: string | null,
  ) {
    await repo.update(tx, row.id, {
      status,
      ended_at: new Date(),
      ended_by: by,
      end_reason: reason,
      care_until: null,
    });
  }

  /** An in-app notification (and the person's other channels) to the patient side of a consultation. */
  private async tellPatientSide(
    tx: Tx,
    row: ConsultationRow,
    what: string,
    title: { zh: string; en: string },
  ) {
    const notes = row.participants
      .filter((p) => p.kind === 'patient')
      .map((p) => ({
        orgId: row.org_id,
        accountId: p.accountId,
        patientId: row.patient_id,
        kind: 'consultation_update' as const,
        titleZh: title.zh,
        titleEn: title.en,
        bodyZh: '打开 CareLoop 查看详情。',
        bodyEn: 'Open CareLoop for the details.',
        link: `/consult/${row.id}`,
        dedupeKey: `consultation:${row.id}:${what}`,
      }));
    await notify(tx, notes);
  }

  /** Whether the caller is a doctor who may see the org's queues (used by routes for clearer 403s). */
  static isDoctor(ctx: RequestContext): boolean {
    return hasRole(ctx.actor, 'doctor');
  }
}

/**
 * A request from this doctor's queue that another doctor accepted meanwhile: the loser of an accept race is told
 * so (409) rather than that it does not exist.
 */
function wasTakenFrom(row: ConsultationRow, actor: RequestContext['actor']): boolean {
  if (actor.kind !== 'staff' || row.org_id !== actor.orgId || !hasRole(actor, 'doctor')) return false;
  if (row.status !== 'accepted' && row.status !== 'active') return false;
  if (row.doctor_account_id === actor.accountId) return false;
  return (
    row.accepted_by !== actor.accountId &&
    (actor.departmentId === null || actor.departmentId === row.department_id)
  );
}

const changed = (
  type: 'consultations.consultation.created' | 'consultations.consultation.updated',
  row: ConsultationRow,
) => ({
  type,
  id: row.id,
  version: row.version,
  patientId: row.patient_id,
  status: row.status,
  at: new Date().toISOString(),
});

function encounterSummary(
  diagnoses: { code: string; display: string }[],
  form: ConsultationSummaryForm,
  language: Language,
): string {
  const zh = language === 'zh-CN';
  const lines = [
    `${zh ? '诊断' : 'Diagnosis'}: ${diagnoses.map((d) => `${d.display} (${d.code})`).join(zh ? '；' : '; ')}`,
    `${zh ? '建议' : 'Advice'}: ${form.advice}`,
  ];
  if (form.followUpIntervalDays)
    lines.push(
      zh ? `复诊：${form.followUpIntervalDays} 天后` : `Follow-up: in ${form.followUpIntervalDays} days`,
    );
  return lines.join('\n');
}

/** List cursors are the last item's id: ids are time-ordered (UUIDv7), so they page in creation order. */
function idCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(cursor))
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'cursor', message: 'invalid_cursor' }] });
  return cursor;
}
