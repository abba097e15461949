import {
  applyOverrides,
  DEFAULT_KNOWLEDGE,
  RED_FLAG_RULES,
  TRIAGE_DEPARTMENTS,
  validateOverride,
  type NaiveBayesModel,
  type SymptomOverride,
  type TriageKnowledgeBase,
} from '@careloop/clinical';
import type { TriageClassifierStatus, TriageKnowledge, TriageSymptomOverrideBody } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { triageRepository as repo } from './triage.repository.ts';
import { retrainClassifier, triageRetrainJob } from './triage.jobs.ts';

/** The classifier refines rankings only once it has learned from this many closed consultations. */
export const CLASSIFIER_MIN_SAMPLES = 30;
/** Its share of the blended department score (the knowledge base keeps the rest). */
export const CLASSIFIER_WEIGHT = 0.3;
const CACHE_MS = 30_000;

interface OrgKnowledge {
  kb: TriageKnowledgeBase;
  classifier: NaiveBayesModel | null;
  departments: { id: string; code: string; name_zh: string; name_en: string }[];
  loadedAt: number;
}

/** The org's knowledge base (repo data + its overrides) and classifier, cached briefly per process. */
export class KnowledgeService {
  readonly #cache = new Map<string, OrgKnowledge>();

  constructor(private readonly deps: AppDeps) {}

  async forOrg(db: Executor, orgId: string): Promise<OrgKnowledge> {
    const hit = this.#cache.get(orgId);
    if (hit && Date.now() - hit.loadedAt < CACHE_MS) return hit;
    const [overrides, classifier, departments] = await Promise.all([
      repo.overrides(db, orgId),
      repo.classifier(db, orgId),
      repo.departments(db, orgId),
    ]);
    const value: OrgKnowledge = {
      kb: {
        symptoms: applyOverrides(DEFAULT_KNOWLEDGE.symptoms, overrides.map(toOverride)),
        redFlags: RED_FLAG_RULES,
      },
      classifier:
        classifier && classifier.samples >= CLASSIFIER_MIN_SAMPLES && classifier.departments >= 2
          ? (classifier.model as NaiveBayesModel)
          : null,
      departments,
      loadedAt: Date.now(),
    };
    this.#cache.set(orgId, value);
    return value;
  }

  forget(orgId: string) {
    this.#cache.delete(orgId);
  }

  private requireAdmin(ctx: RequestContext) {
    if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
    return ctx.actor.orgId;
  }

  async view(ctx: RequestContext): Promise<TriageKnowledge> {
    const orgId = this.requireAdmin(ctx);
    const overrides = await repo.overrides(this.deps.db, orgId);
    const overridden = new Set(overrides.map((o) => o.symptom_id));
    const symptoms = applyOverrides(DEFAULT_KNOWLEDGE.symptoms, overrides.map(toOverride));
    return {
      symptoms: symptoms.map((s) => ({
        id: s.id,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        synonymsZh: [...s.synonymsZh],
        synonymsEn: [...s.synonymsEn],
        departments: { ...s.departments },
        overridden: overridden.has(s.id),
      })),
      redFlags: RED_FLAG_RULES.map((r) => ({
        id: r.id,
        labelZh: r.labelZh,
        labelEn: r.labelEn,
        adviceZh: r.adviceZh,
        adviceEn: r.adviceEn,
        source: r.source,
      })),
      departmentCodes: [...TRIAGE_DEPARTMENTS],
    };
  }

  async override(
    ctx: RequestContext,
    symptomId: string,
    body: TriageSymptomOverrideBody,
  ): Promise<TriageKnowledge> {
    const orgId = this.requireAdmin(ctx);
    const o: SymptomOverride = {
      symptomId,
      extraSynonymsZh: body.extraSynonymsZh,
      extraSynonymsEn: body.extraSynonymsEn,
      ...(body.departments ? { departments: body.departments } : {}),
    };
    const problems = validateOverride(o, DEFAULT_KNOWLEDGE.symptoms);
    if (problems.some((p) => p.message === 'unknown_symptom')) throw new AppError('TRIAGE_SYMPTOM_NOT_FOUND');
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { errors: problems });
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.upsertOverride(tx, {
        orgId,
        symptomId,
        zh: [...o.extraSynonymsZh],
        en: [...o.extraSynonymsEn],
        departments: body.departments ?? null,
        by: ctx.actor.accountId,
      });
      await recordAudit(tx, ctx, {
        action: 'triage.knowledge.override',
        resourceType: 'triage_symptom',
        resourceId: null,
        orgId,
        detail: {
          symptomId,
          synonyms: o.extraSynonymsZh.length + o.extraSynonymsEn.length,
          weights: !!body.departments,
        },
      });
    });
    this.forget(orgId);
    return this.view(ctx);
  }

  async removeOverride(ctx: RequestContext, symptomId: string): Promise<TriageKnowledge> {
    const orgId = this.requireAdmin(ctx);
    if (!DEFAULT_KNOWLEDGE.symptoms.some((s) => s.id === symptomId))
      throw new AppError('TRIAGE_SYMPTOM_NOT_FOUND');
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.deleteOverride(tx, orgId, symptomId);
      await recordAudit(tx, ctx, {
        action: 'triage.knowledge.reset',
        resourceType: 'triage_symptom',
        orgId,
        detail: { symptomId },
      });
    });
    this.forget(orgId);
    return this.view(ctx);
  }

  async classifierStatus(ctx: RequestContext, retrainQueued = false): Promise<TriageClassifierStatus> {
    const orgId = this.requireAdmin(ctx);
    const row = await repo.classifier(this.deps.db, orgId);
    return {
      trainedAt: row?.trained_at.toISOString() ?? null,
      samples: row?.samples ?? 0,
      departments: row?.departments ?? 0,
      active: !!row && row.samples >= CLASSIFIER_MIN_SAMPLES && row.departments >= 2,
      retrainQueued,
    };
  }

  async requestRetrain(ctx: RequestContext): Promise<TriageClassifierStatus> {
    const orgId = this.requireAdmin(ctx);
    // Without a job runner (a process started with jobs off) the model is trained inline.
    if (this.deps.jobs) await this.deps.jobs.send(triageRetrainJob(this.deps), { orgId });
    else await retrainClassifier(this.deps, orgId);
    this.forget(orgId);
    await recordAudit(this.deps.db, ctx, {
      action: 'triage.classifier.retrain',
      resourceType: 'triage_classifier',
      orgId,
    });
    return this.classifierStatus(ctx, !!this.deps.jobs);
  }
}

function toOverride(o: {
  symptom_id: string;
  extra_synonyms_zh: string[];
  extra_synonyms_en: string[];
  departments: unknown;
}): SymptomOverride {
  return {
    symptomId: o.symptom_id,
    extraSynonymsZh: o.extra_synonyms_zh,
    extraSynonymsEn: o.extra_synonyms_en,
    ...(o.departments ? { departments: o.departments as Record<string, number> } : {}),
  };
}
