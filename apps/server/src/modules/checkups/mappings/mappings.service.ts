import { analyteByLoinc } from '@careloop/clinical';
import { normalizeItemName, suggestLoinc } from '@careloop/interop';
import type { CheckupItemMapping, SavedCheckupItemMapping, UnmappedCheckupItem } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { normalizeUnit } from '../imports/item-units.ts';
import { mappingsRepository as repo, type MappingRow } from './mappings.repository.ts';
import { planRecode } from './recode-plan.ts';

type StaffContext = RequestContext & { actor: StaffActor };

function toMapping(row: MappingRow): CheckupItemMapping {
  const analyte = analyteByLoinc(row.loinc);
  return {
    id: row.id,
    localName: row.local_name,
    localNameNormalized: row.local_name_normalized,
    loinc: row.loinc,
    analyteNameZh: analyte?.zh ?? row.loinc,
    analyteNameEn: analyte?.en ?? row.loinc,
    unit: row.unit,
    updatedBy: row.updated_by_name,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

function requireAnalyte(loinc: string) {
  const analyte = analyteByLoinc(loinc);
  if (!analyte) {
    throw new AppError('CHECKUP_UNKNOWN_LOINC', { errors: [{ path: 'loinc', message: 'unknown_code' }] });
  }
  return analyte;
}

function normalizedName(localName: string): string {
  const normalized = normalizeItemName(localName);
  if (!normalized) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'localName', message: 'empty_after_normalizing' }],
    });
  }
  return normalized.slice(0, 100);
}

/** The org's table of local item names and their LOINC codes; saving one re-codes the items already stored. */
export class CheckupMappingsService {
  constructor(private readonly deps: AppDeps) {}

  async list(
    ctx: StaffContext,
    query: { q?: string | undefined; limit: number; cursor?: string | undefined },
  ) {
    const rows = await repo.list(this.deps.db, {
      orgId: ctx.actor.orgId,
      q: query.q ? normalizeItemName(query.q) || query.q : null,
      after: query.cursor ?? null,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toMapping),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.local_name_normalized ?? null) : null,
    };
  }

  async create(
    ctx: StaffContext,
    input: { localName: string; loinc: string; unit?: string | undefined },
  ): Promise<SavedCheckupItemMapping> {
    requireAnalyte(input.loinc);
    const normalized = normalizedName(input.localName);
    const orgId = ctx.actor.orgId;
    return this.deps.db.transaction().execute(async (tx) => {
      const id = uuidv7();
      const inserted = await repo.insert(tx, {
        id,
        orgId,
        localName: input.localName,
        normalized,
        loinc: input.loinc,
        unit: normalizeUnit(input.unit),
        by: ctx.actor.accountId,
      });
      if (!inserted) {
        throw new AppError('ALREADY_EXISTS', { errors: [{ path: 'localName', message: 'already_mapped' }] });
      }
      const recoded = await this.#recode(tx, ctx, { normalized, loinc: input.loinc, mappingId: id });
      await recordAudit(tx, ctx, {
        action: 'checkup_mapping.create',
        resourceType: 'checkup_item_mapping',
        resourceId: id,
        detail: { loinc: input.loinc, recoded },
      });
      return { mapping: toMapping((await repo.find(tx, orgId, id))!), recoded };
    });
  }

  async update(
    ctx: StaffContext,
    id: string,
    input: {
      localName?: string | undefined;
      loinc?: string | undefined;
      unit?: string | null | undefined;
      version: number;
    },
  ): Promise<SavedCheckupItemMapping> {
    if (input.loinc !== undefined) requireAnalyte(input.loinc);
    const orgId = ctx.actor.orgId;
    return this.deps.db.transaction().execute(async (tx) => {
      const current = await repo.find(tx, orgId, id);
      if (!current) throw new AppError('CHECKUP_MAPPING_NOT_FOUND');
      const normalized = input.localName !== undefined ? normalizedName(input.localName) : undefined;
      if (normalized !== undefined && (await repo.nameTaken(tx, orgId, normalized, id))) {
        throw new AppError('ALREADY_EXISTS', { errors: [{ path: 'localName', message: 'already_mapped' }] });
      }
      const updated = await repo.update(tx, {
        orgId,
        id,
        version: input.version,
        by: ctx.actor.accountId,
        changes: {
          ...(input.localName !== undefined
            ? { local_name: input.localName, local_name_normalized: normalized }
            : {}),
          ...(input.loinc !== undefined ? { loinc: input.loinc } : {}),
          ...(input.unit !== undefined ? { unit: normalizeUnit(input.unit) } : {}),
        },
      });
      if (!updated) {
        throw new AppError('VERSION_CONFLICT', { detail: `current version is ${current.version}` });
      }
      // Items already moved to the old code stay there; the still unmapped ones of the (new) name move now.
      const recoded = await this.#recode(tx, ctx, {
        normalized: normalized ?? current.local_name_normalized,
        loinc: input.loinc ?? current.loinc,
        mappingId: id,
      });
      await recordAudit(tx, ctx, {
        action: 'checkup_mapping.update',
        resourceType: 'checkup_item_mapping',
        resourceId: id,
        detail: { fields: Object.keys(input).filter((k) => k !== 'version'), recoded },
      });
      return { mapping: toMapping((await repo.find(tx, orgId, id))!), recoded };
    });
  }

  async remove(ctx: StaffContext, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.remove(tx, ctx.actor.orgId, id))) throw new AppError('CHECKUP_MAPPING_NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'checkup_mapping.delete',
        resourceType: 'checkup_item_mapping',
        resourceId: id,
      });
    });
  }

  async unmapped(
    ctx: StaffContext,
    query: { q?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<{ items: UnmappedCheckupItem[]; nextCursor: string | null }> {
    const offset = query.cursor && /^\d{1,7}$/.test(query.cursor) ? Number(query.cursor) : 0;
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await repo.unmapped(tx, {
        orgId: ctx.actor.orgId,
        q: query.q ? normalizeItemName(query.q) || query.q : null,
        offset,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      // Example values without the people they belong to; the read is still recorded.
      await recordAudit(tx, ctx, {
        action: 'checkup.unmapped_list',
        resourceType: 'observation',
        detail: { groups: page.length },
      });
      return {
        items: page.map((r) => ({
          localName: r.local_name,
          localNameNormalized: r.code,
          count: r.count,
          patientCount: r.patient_count,
          exampleValues: (r.examples ?? []).filter((v): v is string => v !== null),
          units: r.units ?? [],
          firstSeenAt: r.first_seen.toISOString(),
          lastSeenAt: r.last_seen.toISOString(),
          suggestedLoinc: suggestLoinc(r.local_name) ?? null,
        })),
        nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
      };
    });
  }

  async #recode(
    tx: Tx,
    ctx: StaffContext,
    input: { normalized: string; loinc: string; mappingId: string },
  ): Promise<number> {
    const orgId = ctx.actor.orgId;
    const units = await repo.unmappedUnits(tx, orgId, input.normalized);
    if (units.length === 0) return 0;
    const plan = planRecode(analyteByLoinc(input.loinc), units);
    const recoded = await repo.recode(tx, {
      orgId,
      localCode: input.normalized,
      loinc: input.loinc,
      targetUnit: plan.targetUnit,
      keepUnits: plan.keepUnits,
      rewrites: plan.rewrites,
      includeNoUnit: plan.includeNoUnit,
    });
    if (recoded > 0) {
      // Stored results of many patients changed code: one entry for the whole change, with the count.
      await recordAudit(tx, ctx, {
        action: 'observation.recode',
        resourceType: 'observation',
        resourceId: input.mappingId,
        reason: 'checkup_item_mapping',
        detail: { loinc: input.loinc, recoded, unconvertibleUnits: plan.unconvertible.length },
      });
    }
    return recoded;
  }
}
