import type { BreakGlassGrant, CareTeamMember } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { hasRole, type RequestContext, type StaffActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { careTeamRepository as repo } from './care-team.repository.ts';

const BREAK_GLASS_HOURS = 4;

/** Who cares for a patient, and the audited emergency way in for staff who do not. */
export class CareTeamService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext, patientId: string, language: 'zh-CN' | 'en-US'): Promise<CareTeamMember[]> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.members(tx, access.orgId, patientId);
      await recordAudit(tx, ctx, {
        action: 'care_team.read',
        orgId: access.orgId,
        patientId,
        resourceType: 'care_team',
      });
      return rows.map((r) => ({
        staffId: r.staff_account_id,
        name: r.display_name,
        role: r.role as CareTeamMember['role'],
        departmentName: (language === 'zh-CN' ? r.name_zh : r.name_en) ?? null,
        addedAt: r.created_at.toISOString(),
      }));
    });
  }

  /** The org admin, or someone already caring for the patient, may add a colleague from the same organization. */
  async add(
    ctx: RequestContext & { actor: StaffActor },
    patientId: string,
    staffId: string,
    role: string,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const orgId = await this.requireManager(tx, ctx.actor, patientId);
      if (!(await repo.isActiveStaff(tx, orgId, staffId))) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'staffId', message: 'not_staff_of_this_organization' }],
        });
      }
      if (
        !(await repo.add(tx, { id: uuidv7(), orgId, patientId, staffId, role, addedBy: ctx.actor.accountId }))
      ) {
        throw new AppError('ALREADY_EXISTS', {
          errors: [{ path: 'staffId', message: 'already_on_care_team' }],
        });
      }
      await recordAudit(tx, ctx, {
        action: 'care_team.add',
        orgId,
        patientId,
        resourceType: 'care_team',
        resourceId: staffId,
        detail: { role },
      });
    });
  }

  async remove(
    ctx: RequestContext & { actor: StaffActor },
    patientId: string,
    staffId: string,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const orgId = await this.requireManager(tx, ctx.actor, patientId);
      if (!(await repo.remove(tx, orgId, patientId, staffId))) throw new AppError('NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'care_team.remove',
        orgId,
        patientId,
        resourceType: 'care_team',
        resourceId: staffId,
      });
    });
  }

  private async requireManager(
    tx: Parameters<typeof repo.members>[0],
    actor: StaffActor,
    patientId: string,
  ): Promise<string> {
    if (hasRole(actor, 'org_admin')) {
      const orgId = await repo.patientOrg(tx, actor.orgId, patientId);
      if (!orgId) throw new AppError('PATIENT_NOT_FOUND');
      return orgId;
    }
    const access = await requirePatientAccess(tx, actor, patientId, 'manage');
    if (access.basis !== 'care_team') throw new AppError('FORBIDDEN');
    return access.orgId;
  }

  async breakGlass(
    ctx: RequestContext & { actor: StaffActor },
    patientId: string,
    reason: string,
  ): Promise<BreakGlassGrant> {
    return this.deps.db.transaction().execute(async (tx) => {
      const orgId = await repo.patientOrg(tx, ctx.actor.orgId, patientId);
      if (!orgId) throw new AppError('PATIENT_NOT_FOUND');
      const id = uuidv7();
      const expiresAt = new Date(Date.now() + BREAK_GLASS_HOURS * 3_600_000);
      await repo.insertBreakGlass(tx, {
        id,
        orgId,
        patientId,
        staffId: ctx.actor.accountId,
        reason,
        expiresAt,
      });
      await recordAudit(tx, ctx, {
        action: 'patient.break_glass',
        orgId,
        patientId,
        resourceType: 'break_glass',
        resourceId: id,
        reason,
      });
      return toGrant((await repo.breakGlassById(tx, id))!);
    });
  }

  async listBreakGlass(
    ctx: RequestContext & { actor: StaffActor },
    limit: number,
  ): Promise<BreakGlassGrant[]> {
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await repo.recentBreakGlass(tx, ctx.actor.orgId, limit);
      await recordAudit(tx, ctx, {
        action: 'break_glass.list',
        resourceType: 'break_glass',
        detail: { count: rows.length },
      });
      return rows.map(toGrant);
    });
  }
}

function toGrant(r: {
  id: string;
  patient_id: string;
  patient_name: string;
  staff_account_id: string;
  staff_name: string;
  reason: string;
  created_at: Date;
  expires_at: Date;
}): BreakGlassGrant {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    staffId: r.staff_account_id,
    staffName: r.staff_name,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
  };
}
