import type { ConsultTargets, DoctorCard, DoctorProfile, ConsultationSettings } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { consultationsRepository as repo } from './consultations.repository.ts';

type DoctorRow = Awaited<ReturnType<typeof repo.doctors>>[number];

function toCard(d: DoctorRow, language: Language): DoctorCard {
  const zh = language === 'zh-CN';
  return {
    id: d.account_id,
    name: d.name,
    title: d.title,
    department: d.department_id
      ? { id: d.department_id, name: (zh ? d.department_zh : d.department_en) ?? '' }
      : null,
    rating: {
      average: d.rating_avg === null ? null : Math.round(Number(d.rating_avg) * 10) / 10,
      count: Number(d.rating_count),
    },
  };
}

/** Whom to consult (departments and their doctors, with ratings), doctors' profiles, and the org's rules. */
export class DirectoryService {
  constructor(private readonly deps: AppDeps) {}

  async targets(ctx: RequestContext, patientId: string, language: Language): Promise<ConsultTargets> {
    const access = await requirePatientAccess(this.deps.db, ctx.actor, patientId, 'consult');
    const [departments, doctors] = await Promise.all([
      repo.departments(this.deps.db, access.orgId),
      repo.doctors(this.deps.db, access.orgId),
    ]);
    const zh = language === 'zh-CN';
    return {
      departments: departments
        .map((d) => ({
          id: d.id,
          name: zh ? d.name_zh : d.name_en,
          doctors: doctors.filter((x) => x.department_id === d.id).map((x) => toCard(x, language)),
        }))
        .filter((d) => d.doctors.length > 0),
    };
  }

  /** A doctor's public profile: staff see their own organization's; patients, doctors where they have a profile. */
  async doctor(ctx: RequestContext, doctorId: string, language: Language): Promise<DoctorProfile> {
    const orgId =
      ctx.actor.kind === 'staff'
        ? ctx.actor.orgId
        : await this.patientOrgOfDoctor(ctx.actor.accountId, doctorId);
    if (!orgId) throw new AppError('NOT_FOUND');
    const [doctor] = await repo.doctors(this.deps.db, orgId, doctorId);
    if (!doctor) throw new AppError('NOT_FOUND');
    const reviews = await repo.reviews(this.deps.db, doctorId, 20);
    return {
      ...toCard(doctor, language),
      consultationsClosed: Number(doctor.closed_count),
      reviews: reviews.map((r) => ({
        stars: r.rating_stars ?? 0,
        comment: r.rating_comment,
        at: r.rated_at!.toISOString(),
      })),
    };
  }

  private async patientOrgOfDoctor(accountId: string, doctorId: string): Promise<string | undefined> {
    return repo.doctorOrgForPatientAccount(this.deps.db, accountId, doctorId);
  }

  async settings(ctx: RequestContext): Promise<ConsultationSettings> {
    if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
    return repo.settings(this.deps.db, ctx.actor.orgId);
  }

  async saveSettings(ctx: RequestContext, settings: ConsultationSettings): Promise<ConsultationSettings> {
    if (ctx.actor.kind !== 'staff' || !hasRole(ctx.actor, 'org_admin')) throw new AppError('FORBIDDEN');
    const orgId = ctx.actor.orgId;
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.saveSettings(tx, orgId, ctx.actor.accountId, settings);
      await recordAudit(tx, ctx, {
        action: 'consultation.settings.update',
        resourceType: 'consultation_settings',
        orgId,
        detail: { ...settings },
      });
    });
    return repo.settings(this.deps.db, orgId);
  }
}
