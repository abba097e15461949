import type {
  AccessiblePatient,
  PatientInput,
  PatientProfile,
  ProxyGrant,
  ProxyScope,
  Relationship,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { patientsRepository } from './patients.repository.ts';
import { familyRepository as repo } from './family.repository.ts';
import { toProfile, toSummary, validateIdentity } from './patient-mapper.ts';
import type { PatientsService } from './patients.service.ts';

const MAX_PROFILES_PER_ACCOUNT = 10;

/** A patient account's own profiles (self and family members) and the proxy grants around them. */
export class FamilyService {
  constructor(
    private readonly deps: AppDeps,
    private readonly patients: PatientsService,
  ) {}

  async listAccessible(ctx: RequestContext): Promise<AccessiblePatient[]> {
    const { db } = this.deps;
    return db.transaction().execute(async (tx) => {
      const own = await repo.ownProfiles(tx, ctx.actor.accountId);
      const proxied = await repo.proxiedProfiles(tx, ctx.actor.accountId);
      await recordAudit(tx, ctx, {
        action: 'patient.list_own',
        resourceType: 'patient',
        detail: { own: own.length, proxy: proxied.length },
      });
      const all: ProxyScope[] = ['view', 'book', 'consult', 'message'];
      return [
        ...own.map((r) => ({
          patient: toSummary(r),
          relationship: r.relationship as Relationship,
          via: 'own' as const,
          scopes: all,
          expiresAt: null,
        })),
        ...proxied.map((r) => ({
          patient: toSummary(r),
          relationship: 'other' as const,
          via: 'proxy' as const,
          scopes: r.scopes as ProxyScope[],
          expiresAt: r.expires_at.toISOString(),
        })),
      ];
    });
  }

  async addFamilyMember(
    ctx: RequestContext,
    relationship: Relationship,
    profile: PatientInput,
  ): Promise<PatientProfile> {
    const { db, crypto } = this.deps;
    const nationalId = validateIdentity(profile);
    return db.transaction().execute(async (tx) => {
      const own = await repo.ownProfiles(tx, ctx.actor.accountId);
      if (own.length >= MAX_PROFILES_PER_ACCOUNT)
        throw new AppError('RULE_VIOLATION', { detail: `At most ${MAX_PROFILES_PER_ACCOUNT} profiles` });
      if (relationship === 'self' && own.some((p) => p.relationship === 'self')) {
        throw new AppError('ALREADY_EXISTS', {
          errors: [{ path: 'relationship', message: 'self_profile_exists' }],
        });
      }
      // A family's profiles live in the organization the family already uses; a new family joins the first one.
      const orgId = own[0]?.org_id ?? (await repo.defaultOrgId(tx));
      if (!orgId) throw new AppError('CONFLICT', { detail: 'No organization is set up' });
      const id = uuidv7();
      await this.patients.insertPatient(tx, {
        id,
        orgId,
        createdBy: ctx.actor.accountId,
        input: profile,
        nationalId,
      });
      await repo.link(tx, { orgId, accountId: ctx.actor.accountId, patientId: id, relationship });
      await recordAudit(tx, ctx, {
        action: 'patient.family.add',
        orgId,
        patientId: id,
        resourceType: 'patient',
        resourceId: id,
        detail: { relationship },
      });
      return toProfile((await patientsRepository.findProfile(tx, orgId, id))!, crypto);
    });
  }

  async removeFamilyMember(ctx: RequestContext, patientId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const link = await repo.ownLink(tx, ctx.actor.accountId, patientId);
      if (!link) throw new AppError('PATIENT_NOT_FOUND');
      if (link.relationship === 'self')
        throw new AppError('RULE_VIOLATION', { detail: 'Your own profile cannot be removed here' });
      await repo.unlink(tx, link.id);
      await recordAudit(tx, ctx, {
        action: 'patient.family.remove',
        orgId: link.org_id,
        patientId,
        resourceType: 'patient_link',
        resourceId: link.id,
      });
    });
  }

  async listGrants(ctx: RequestContext, patientId: string): Promise<ProxyGrant[]> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'manage');
      if (access.basis !== 'own') throw new AppError('PATIENT_NOT_FOUND');
      const rows = await repo.grantsForPatient(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'proxy_grant.list',
        orgId: access.orgId,
        patientId,
        resourceType: 'proxy_grant',
      });
      return rows.map(toGrant);
    });
  }

  async createGrant(
    ctx: RequestContext,
    patientId: string,
    input: { grantee: string; scopes: ProxyScope[]; expiresAt: string },
  ): Promise<ProxyGrant> {
    const { db, crypto } = this.deps;
    if (new Date(input.expiresAt) <= new Date()) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'expiresAt', message: 'must_be_in_the_future' }],
      });
    }
    return db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'manage');
      if (access.basis !== 'own') throw new AppError('PATIENT_NOT_FOUND');
      const grantee = input.grantee.includes('@')
        ? await repo.accountByEmail(tx, input.grantee.toLowerCase())
        : await repo.accountByPhoneBidx(tx, crypto.blindIndex('phone', input.grantee));
      if (!grantee)
        throw new AppError('NOT_FOUND', { errors: [{ path: 'grantee', message: 'no_such_account' }] });
      if (grantee.id === ctx.actor.accountId) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'grantee', message: 'cannot_grant_to_self' }],
        });
      }
      const id = uuidv7();
      await repo.insertGrant(tx, {
        id,
        org_id: access.orgId,
        patient_id: patientId,
        grantee_account_id: grantee.id,
        scopes: [...new Set(input.scopes)],
        expires_at: input.expiresAt,
        created_by: ctx.actor.accountId,
      });
      await recordAudit(tx, ctx, {
        action: 'proxy_grant.create',
        orgId: access.orgId,
        patientId,
        resourceType: 'proxy_grant',
        resourceId: id,
        detail: { scopes: input.scopes },
      });
      return toGrant((await repo.grantById(tx, id))!);
    });
  }

  async revokeGrant(ctx: RequestContext, patientId: string, grantId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'manage');
      if (access.basis !== 'own') throw new AppError('PATIENT_NOT_FOUND');
      if (!(await repo.revokeGrant(tx, patientId, grantId))) throw new AppError('NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'proxy_grant.revoke',
        orgId: access.orgId,
        patientId,
        resourceType: 'proxy_grant',
        resourceId: grantId,
      });
    });
  }

  async grantsReceived(ctx: RequestContext): Promise<ProxyGrant[]> {
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await repo.grantsForGrantee(tx, ctx.actor.accountId);
      await recordAudit(tx, ctx, {
        action: 'proxy_grant.list_received',
        resourceType: 'proxy_grant',
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
  grantee_name: string;
  scopes: string[];
  expires_at: Date;
  created_at: Date;
  revoked_at: Date | null;
}): ProxyGrant {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    granteeName: r.grantee_name,
    scopes: r.scopes as ProxyScope[],
    expiresAt: r.expires_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}
