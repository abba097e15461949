import type {
  CreateReferralBody,
  Referral,
  ReferralList,
  ReferralStatus,
  ReferralTargetInput,
  ReferralTargets,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { referralsRepository as repo, type ReferralRow } from './referrals.repository.ts';
import { targetsRepository as targets } from './targets.repository.ts';
import { isReceiver, isReferrer, mayReadRecord, type ReferralSide } from './referral-access.ts';
import { toReferral } from './referral-view.ts';
import { MESSAGES, tell } from './referral-notes.ts';

/** A referral waits this long for the patient's consent and a receiver before it expires. */
const EXPIRY_DAYS = 30;

/**
 * Creating, listing and reading referrals, and the directory of where a doctor can refer. The steps after creation
 * (consent, accept, book, report back ...) are in referral-steps.service.ts; the shared record in
 * shared-record.service.ts.
 */
export class ReferralsService {
  constructor(private readonly deps: AppDeps) {}

  async targets(ctx: RequestContext, language: Language): Promise<ReferralTargets> {
    const { actor } = ctx;
    if (actor.kind !== 'staff' || !hasRole(actor, 'doctor')) throw new AppError('FORBIDDEN');
    const zh = language === 'zh-CN';
    const orgs = await targets.orgs(this.deps.db);
    const ids = orgs.map((o) => o.id);
    const [departments, doctors] = await Promise.all([
      targets.departments(this.deps.db, ids),
      targets.doctors(this.deps.db, ids),
    ]);
    return {
      orgs: orgs.map((o) => ({
        id: o.id,
        name: zh ? o.name_zh : o.name_en,
        own: o.id === actor.orgId,
        departments: departments
          .filter((d) => d.org_id === o.id)
          .map((d) => ({ id: d.id, name: zh ? d.name_zh : d.name_en })),
        doctors: doctors
          .filter((d) => d.org_id === o.id && d.id !== actor.accountId)
          .map((d) => ({ id: d.id, name: d.display_name, title: d.title, departmentId: d.department_id })),
      })),
    };
  }

  /** A doctor with a care relationship to the patient refers them; the patient is asked to consent. */
  async create(ctx: RequestContext, body: CreateReferralBody, language: Language): Promise<Referral> {
    const { actor } = ctx;
    if (actor.kind !== 'staff' || !hasRole(actor, 'doctor')) throw new AppError('FORBIDDEN');
    const id = uuidv7();
    await this.deps.db.transaction().execute(async (tx) => {
      // 'edit' needs a care relationship: break-glass opens a record to read, not to send it elsewhere.
      const access = await requirePatientAccess(tx, actor, body.patientId, 'edit');
      const target = await this.checkTarget(tx, body.target, actor.accountId);
      await repo.insert(tx, {
        id,
        org_id: access.orgId,
        patient_id: body.patientId,
        referring_account_id: actor.accountId,
        referring_department_id: await repo.departmentOf(tx, actor.orgId, actor.accountId),
        target_kind: body.target.kind,
        target_org_id: body.target.orgId,
        target_department_id: target.departmentId,
        target_account_id: target.accountId,
        reason: body.reason,
        urgency: body.urgency ?? 'routine',
        sections: [...body.sections],
        window_from: body.windowFrom ?? null,
        window_to: body.windowTo ?? null,
        status: 'awaiting_consent',
        consent_by: null,
        expires_at: new Date(Date.now() + EXPIRY_DAYS * 86_400_000),
        accepted_by: null,
        decline_reason: null,
        appointment_id: null,
        booking_note: null,
        booked_by: null,
        outcome: null,
        completed_by: null,
        encounter_id: null,
      });
      await repo.addEvent(tx, {
        id: uuidv7(),
        referralId: id,
        orgId: access.orgId,
        type: 'created',
        actorAccountId: actor.accountId,
        note: null,
      });
      await recordAudit(tx, ctx, {
        action: 'referral.create',
        resourceType: 'referral',
        resourceId: id,
        patientId: body.patientId,
        orgId: access.orgId,
        detail: {
          basis: access.basis,
          target: body.target.kind,
          crossOrg: body.target.orgId !== access.orgId,
          sections: body.sections,
        },
      });
      const row = await repo.load(tx, id);
      if (row) await tell(tx, row, 'created', [{ to: 'patient', message: MESSAGES.created }]);
    });
    return this.get(ctx, id, language, false);
  }

  async list(
    ctx: RequestContext,
    query: {
      view: 'outbox' | 'inbox' | 'patient';
      patientId?: string | undefined;
      status?: ReferralStatus | undefined;
      limit: number;
      cursor?: string | undefined;
    },
    language: Language,
  ): Promise<ReferralList> {
    const { actor } = ctx;
    const scope = {
      status: query.status,
      patientId: query.patientId,
      before: idCursor(query.cursor),
      limit: query.limit,
    };
    let rows: ReferralRow[];
    let side: ReferralSide;
    if (query.view === 'patient') {
      if (actor.kind !== 'patient') throw viewError('patient_only');
      if (query.patientId) await requirePatientAccess(this.deps.db, actor, query.patientId, 'view');
      rows = await repo.forPatientSide(this.deps.db, actor.accountId, scope);
      side = 'patient';
    } else {
      if (actor.kind !== 'staff' || !hasRole(actor, 'doctor')) throw viewError('doctor_only');
      rows =
        query.view === 'outbox'
          ? await repo.outbox(this.deps.db, actor.orgId, actor.accountId, scope)
          : await repo.inbox(this.deps.db, actor, scope);
      side = query.view === 'outbox' ? 'referrer' : 'receiver';
    }
    const items = rows.slice(0, query.limit);
    const events = await repo.events(
      this.deps.db,
      items.map((r) => r.id),
    );
    await recordAudit(this.deps.db, ctx, {
      action: 'referral.list',
      resourceType: 'referral',
      detail: { view: query.view, count: items.length },
    });
    const last = items.at(-1);
    return {
      items: items.map((r) =>
        toReferral(r, events, side, side === 'receiver' && mayReadRecord(r, actor), language),
      ),
      nextCursor: rows.length > query.limit && last ? last.id : null,
    };
  }

  async get(ctx: RequestContext, id: string, language: Language, audit = true): Promise<Referral> {
    const { row, side } = await loadVisible(this.deps.db, ctx, id);
    if (audit)
      await recordAudit(this.deps.db, ctx, {
        action: 'referral.read',
        resourceType: 'referral',
        resourceId: id,
        patientId: row.patient_id,
        orgId: row.org_id,
      });
    const events = await repo.events(this.deps.db, [id]);
    return toReferral(row, events, side, side === 'receiver' && mayReadRecord(row, ctx.actor), language);
  }

  /** The target exists and can receive: an active doctor, an active department, or an organization. */
  private async checkTarget(db: Executor, target: ReferralTargetInput, me: string) {
    const invalid = (path: string, message: string) =>
      new AppError('REFERRAL_TARGET_INVALID', { errors: [{ path: `target.${path}`, message }] });
    if (!(await targets.orgExists(db, target.orgId))) throw invalid('orgId', 'unknown_organization');
    switch (target.kind) {
      case 'organization':
        return { departmentId: null, accountId: null };
      case 'department':
        if (!(await targets.activeDepartment(db, target.orgId, target.departmentId)))
          throw invalid('departmentId', 'unknown_department');
        return { departmentId: target.departmentId, accountId: null };
      case 'doctor': {
        if (target.accountId === me) throw invalid('accountId', 'cannot_refer_to_self');
        const doctor = await targets.doctorInOrg(db, target.orgId, target.accountId);
        if (!doctor) throw invalid('accountId', 'unknown_doctor');
        return { departmentId: doctor.department_id, accountId: target.accountId };
      }
    }
  }
}

/**
 * The referral and the caller's side, or 404: the referring doctor, a receiver (after consent), or the patient side
 * (own profile, or a proxy with the view scope).
 */
export async function loadVisible(
  db: Executor,
  ctx: RequestContext,
  id: string,
): Promise<{ row: ReferralRow; side: ReferralSide }> {
  const { actor } = ctx;
  const row = await repo.load(db, id);
  if (!row) throw new AppError('REFERRAL_NOT_FOUND');
  if (actor.kind === 'patient') {
    try {
      await requirePatientAccess(db, actor, row.patient_id, 'view');
    } catch {
      throw new AppError('REFERRAL_NOT_FOUND');
    }
    return { row, side: 'patient' };
  }
  if (isReferrer(row, actor)) return { row, side: 'referrer' };
  if (isReceiver(row, actor)) return { row, side: 'receiver' };
  throw new AppError('REFERRAL_NOT_FOUND');
}

const viewError = (message: string) =>
  new AppError('VALIDATION_FAILED', { errors: [{ path: 'view', message }] });

/** List cursors are the last item's id: ids are time-ordered (UUIDv7), so they page in creation order. */
function idCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(cursor))
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'cursor', message: 'invalid_cursor' }] });
  return cursor;
}
