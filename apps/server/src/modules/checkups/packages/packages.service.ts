import { analyteByLoinc } from '@careloop/clinical';
import type { CheckupPackage } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { packagesRepository as repo, type PackageChanges } from './packages.repository.ts';

type StaffContext = RequestContext & { actor: StaffActor };

type PackageRow = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

function toPackage(row: PackageRow): CheckupPackage {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    itemCodes: row.item_codes,
    priceCents: row.price_cents,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Item codes must be analytes of the code table, each once. */
function checkedItemCodes(codes: readonly string[]): string[] {
  const unknown = codes.findIndex((c) => !analyteByLoinc(c));
  if (unknown >= 0) {
    throw new AppError('CHECKUP_UNKNOWN_LOINC', {
      errors: [{ path: `itemCodes.${unknown}`, message: 'unknown_code' }],
    });
  }
  return [...new Set(codes)];
}

/** Checkup packages (体检套餐) an organization offers. */
export class CheckupPackagesService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: StaffContext): Promise<{ items: CheckupPackage[] }> {
    const rows = await repo.list(this.deps.db, ctx.actor.orgId, false);
    return { items: rows.map(toPackage) };
  }

  async create(
    ctx: StaffContext,
    input: {
      code: string;
      nameZh: string;
      nameEn: string;
      itemCodes: string[];
      priceCents?: number | null | undefined;
      active: boolean;
    },
  ): Promise<CheckupPackage> {
    const itemCodes = checkedItemCodes(input.itemCodes);
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.insert(tx, {
        id: uuidv7(),
        org_id: ctx.actor.orgId,
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        item_codes: itemCodes,
        price_cents: input.priceCents ?? null,
        active: input.active,
        created_by: ctx.actor.accountId,
      });
      if (!row) throw new AppError('ALREADY_EXISTS', { errors: [{ path: 'code', message: 'code_taken' }] });
      await recordAudit(tx, ctx, {
        action: 'checkup_package.create',
        resourceType: 'checkup_package',
        resourceId: row.id,
      });
      return toPackage(row);
    });
  }

  async update(
    ctx: StaffContext,
    id: string,
    input: {
      nameZh?: string | undefined;
      nameEn?: string | undefined;
      itemCodes?: string[] | undefined;
      priceCents?: number | null | undefined;
      active?: boolean | undefined;
      version: number;
    },
  ): Promise<CheckupPackage> {
    const changes: PackageChanges = {
      ...(input.nameZh !== undefined ? { name_zh: input.nameZh } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.itemCodes !== undefined ? { item_codes: checkedItemCodes(input.itemCodes) } : {}),
      ...(input.priceCents !== undefined ? { price_cents: input.priceCents } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    return this.deps.db.transaction().execute(async (tx) => {
      const current = await repo.find(tx, ctx.actor.orgId, id);
      if (!current) throw new AppError('CHECKUP_PACKAGE_NOT_FOUND');
      const row = await repo.update(tx, { orgId: ctx.actor.orgId, id, version: input.version, changes });
      if (!row) throw new AppError('VERSION_CONFLICT', { detail: `current version is ${current.version}` });
      await recordAudit(tx, ctx, {
        action: 'checkup_package.update',
        resourceType: 'checkup_package',
        resourceId: id,
        detail: { fields: Object.keys(changes) },
      });
      return toPackage(row);
    });
  }
}
