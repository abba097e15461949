import type { Department, Staff, StaffRole } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import { hashPassword } from '../identity/index.ts';
import type { Language } from '../../platform/http/language.ts';
import { orgsRepository as repo } from './orgs.repository.ts';

type StaffCtx = RequestContext & { actor: StaffActor };
const INVITATION_DAYS = 7;

const toDepartment = (r: {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  active: boolean;
}): Department => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  active: r.active,
});

export class OrgsService {
  constructor(private readonly deps: AppDeps) {}

  async departments(ctx: StaffCtx): Promise<Department[]> {
    return (await repo.departments(this.deps.db, ctx.actor.orgId)).map(toDepartment);
  }

  async createDepartment(
    ctx: StaffCtx,
    input: { code: string; nameZh: string; nameEn: string; active: boolean },
  ): Promise<Department> {
    const id = uuidv7();
    return this.deps.db.transaction().execute(async (tx) => {
      const row = {
        id,
        org_id: ctx.actor.orgId,
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        active: input.active,
      };
      if (!(await repo.insertDepartment(tx, row)))
        throw new AppError('ALREADY_EXISTS', { errors: [{ path: 'code', message: 'taken' }] });
      await recordAudit(tx, ctx, { action: 'department.create', resourceType: 'department', resourceId: id });
      return toDepartment(row);
    });
  }

  async updateDepartment(
    ctx: StaffCtx,
    id: string,
    input: { code?: string; nameZh?: string; nameEn?: string; active?: boolean },
  ) {
    return this.deps.db.transaction().execute(async (tx) => {
      const set: { code?: string; name_zh?: string; name_en?: string; active?: boolean } = {};
      if (input.code !== undefined) set.code = input.code;
      if (input.nameZh !== undefined) set.name_zh = input.nameZh;
      if (input.nameEn !== undefined) set.name_en = input.nameEn;
      if (input.active !== undefined) set.active = input.active;
      const row = await repo.updateDepartment(tx, ctx.actor.orgId, id, set);
      if (!row) throw new AppError('NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'department.update',
        resourceType: 'department',
        resourceId: id,
        detail: { fields: Object.keys(set) },
      });
      return toDepartment(row);
    });
  }

  async staff(
    ctx: StaffCtx,
    filter: { departmentId?: string | undefined; role?: string | undefined },
  ): Promise<Staff[]> {
    const rows = await repo.staff(this.deps.db, ctx.actor.orgId, filter);
    return rows.map((r) => ({
      id: r.id,
      name: r.display_name,
      email: r.email,
      roles: r.roles as StaffRole[],
      departmentId: r.department_id,
      title: r.title,
      active: r.active,
      mfaEnabled: r.mfa_enabled,
    }));
  }

  async updateStaff(
    ctx: StaffCtx,
    accountId: string,
    input: {
      roles?: StaffRole[] | undefined;
      departmentId?: string | null | undefined;
      title?: string | null | undefined;
      active?: boolean | undefined;
    },
  ): Promise<void> {
    if (input.roles?.includes('platform_admin')) throw new AppError('FORBIDDEN');
    if (
      accountId === ctx.actor.accountId &&
      (input.active === false || (input.roles && !input.roles.includes('org_admin')))
    ) {
      throw new AppError('RULE_VIOLATION', { detail: 'You cannot remove your own administrator access' });
    }
    await this.deps.db.transaction().execute(async (tx) => {
      if (input.departmentId && !(await repo.departmentInOrg(tx, ctx.actor.orgId, input.departmentId))) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'departmentId', message: 'unknown_department' }],
        });
      }
      const set: {
        roles?: string[];
        department_id?: string | null;
        title?: string | null;
        active?: boolean;
      } = {};
      if (input.roles) set.roles = input.roles;
      if (input.departmentId !== undefined) set.department_id = input.departmentId;
      if (input.title !== undefined) set.title = input.title;
      if (input.active !== undefined) set.active = input.active;
      if (!(await repo.updateMembership(tx, ctx.actor.orgId, accountId, set)))
        throw new AppError('NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'staff.update',
        resourceType: 'membership',
        resourceId: accountId,
        detail: { fields: Object.keys(set), roles: input.roles },
      });
    });
  }

  async invitations(ctx: StaffCtx) {
    const rows = await repo.invitations(this.deps.db, ctx.actor.orgId);
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      roles: r.roles as StaffRole[],
      expiresAt: r.expires_at.toISOString(),
      acceptedAt: r.accepted_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async invite(
    ctx: StaffCtx,
    input: {
      email: string;
      name: string;
      roles: StaffRole[];
      departmentId?: string | null | undefined;
      title?: string | undefined;
    },
    language: Language,
  ) {
    const { db, messenger, config } = this.deps;
    const token = newToken('inv_');
    const id = uuidv7();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const acceptUrl = `${config.publicUrl}/console/invite?token=${token}`;
    return db.transaction().execute(async (tx) => {
      if (input.departmentId && !(await repo.departmentInOrg(tx, ctx.actor.orgId, input.departmentId))) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'departmentId', message: 'unknown_department' }],
        });
      }
      if (await repo.accountIdByEmail(tx, input.email))
        throw new AppError('ALREADY_EXISTS', { errors: [{ path: 'email', message: 'account_exists' }] });
      await repo.insertInvitation(tx, {
        id,
        org_id: ctx.actor.orgId,
        email: input.email,
        name: input.name,
        roles: input.roles,
        department_id: input.departmentId ?? null,
        title: input.title ?? null,
        token_hash: hashToken(token),
        invited_by: ctx.actor.accountId,
        expires_at: expiresAt,
      });
      const org = await repo.orgName(tx, ctx.actor.orgId);
      await messenger.send(tx, {
        channel: 'email',
        to: input.email,
        template: 'staff_invitation',
        params: { org: (language === 'zh-CN' ? org?.name_zh : org?.name_en) ?? '', url: acceptUrl },
        language,
      });
      await recordAudit(tx, ctx, {
        action: 'invitation.create',
        resourceType: 'invitation',
        resourceId: id,
        detail: { roles: input.roles },
      });
      return {
        id,
        email: input.email,
        name: input.name,
        roles: input.roles,
        expiresAt: expiresAt.toISOString(),
        acceptedAt: null,
        createdAt: new Date().toISOString(),
        acceptUrl,
      };
    });
  }

  /** Creates the staff account from an invitation; MFA enrolment follows at first sign-in. */
  async acceptInvitation(input: {
    token: string;
    password: string;
    phone?: string | undefined;
  }): Promise<void> {
    const { db, crypto } = this.deps;
    const invitation = await repo.openInvitationByToken(db, hashToken(input.token));
    if (!invitation) throw new AppError('INVALID_CODE');
    const passwordHash = await hashPassword(input.password);
    await db.transaction().execute(async (tx) => {
      const accountId = uuidv7();
      const phoneBidx = input.phone ? crypto.blindIndex('phone', input.phone) : null;
      if (phoneBidx && (await repo.accountIdByPhoneBidx(tx, phoneBidx))) {
        throw new AppError('ALREADY_EXISTS', { errors: [{ path: 'phone', message: 'taken' }] });
      }
      await repo.insertStaffAccount(
        tx,
        {
          id: accountId,
          display_name: invitation.name,
          email: invitation.email,
          phone_enc: crypto.encryptNullable(input.phone),
          phone_bidx: phoneBidx,
          password_hash: passwordHash,
        },
        {
          id: uuidv7(),
          org_id: invitation.org_id,
          roles: invitation.roles,
          department_id: invitation.department_id,
          title: invitation.title,
        },
      );
      if (!(await repo.acceptInvitation(tx, invitation.id))) throw new AppError('INVALID_CODE');
      await recordAudit(tx, null, {
        action: 'invitation.accept',
        actorAccountId: accountId,
        orgId: invitation.org_id,
        resourceType: 'invitation',
        resourceId: invitation.id,
        detail: { accountId },
      });
    });
  }

  /** A new tenant; its first administrator is then invited by a platform admin acting in it. */
  async createOrganization(
    ctx: StaffCtx,
    input: { code: string; nameZh: string; nameEn: string; timeZone: string },
  ) {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.insertOrg(tx, {
        id: uuidv7(),
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        time_zone: input.timeZone,
      });
      if (!row) throw new AppError('ALREADY_EXISTS', { errors: [{ path: 'code', message: 'taken' }] });
      await recordAudit(tx, ctx, {
        action: 'organization.create',
        orgId: row.id,
        resourceType: 'organization',
        resourceId: row.id,
      });
      return {
        id: row.id,
        code: row.code,
        nameZh: row.name_zh,
        nameEn: row.name_en,
        timeZone: row.time_zone,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  async organizations() {
    const rows = await repo.orgs(this.deps.db);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      timeZone: r.time_zone,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
