import type {
  DrugInteraction,
  DrugInteractionInput,
  FormularyDrug,
  FormularyDrugInput,
  FormularyDrugUpdate,
  FormularyImportResult,
  FormularyPage,
} from '@careloop/contracts';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import { hasRole } from '../../../platform/auth/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import type { DrugInteractionsTable } from '../../../platform/db/schema-pharmacy.ts';
import { drugColumns, toApiDrug } from './drug-view.ts';
import { formularyRepository as repo } from './formulary.repository.ts';
import {
  buildFormularyWorkbook,
  parseFormularyWorkbook,
  UnreadableWorkbook,
  type ParsedRow,
} from './formulary-excel.ts';

type StaffContext = RequestContext & { actor: StaffActor };

function staff(ctx: RequestContext): StaffContext {
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  return ctx as StaffContext;
}

function requireAdmin(ctx: RequestContext): StaffContext {
  const s = staff(ctx);
  if (!hasRole(s.actor, 'org_admin')) throw new AppError('FORBIDDEN');
  return s;
}

/** Interaction pairs are stored in one order so that (a, b) and (b, a) are the same row. */
function pairOf(a: string, b: string): [string, string] {
  const norm = (s: string) => (/^[A-Za-z]\d{2}/.test(s) && s === s.toUpperCase() ? s : s.toLowerCase());
  const x = norm(a.trim());
  const y = norm(b.trim());
  return x <= y ? [x, y] : [y, x];
}

export function toApiInteraction(row: Selectable<DrugInteractionsTable>): DrugInteraction {
  return {
    id: row.id,
    a: row.a,
    b: row.b,
    severity: row.severity,
    zh: row.zh,
    en: row.en,
    source: row.source,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The organization's formulary: search, edit, stock, interactions, and the Excel round trip. */
export class FormularyService {
  constructor(private readonly deps: AppDeps) {}

  async search(
    ctx: RequestContext,
    q: { q?: string | undefined; includeInactive: 'true' | 'false'; limit: number; offset: number },
    language: Language,
  ): Promise<FormularyPage> {
    const { actor } = staff(ctx);
    const { rows, total } = await repo.search(this.deps.db, actor.orgId, {
      text: q.q ?? null,
      includeInactive: q.includeInactive === 'true',
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map((r) => toApiDrug(r, language)), total };
  }

  async get(ctx: RequestContext, id: string, language: Language): Promise<FormularyDrug> {
    const { actor } = staff(ctx);
    const row = await repo.find(this.deps.db, actor.orgId, id);
    if (!row) throw new AppError('DRUG_NOT_FOUND');
    return toApiDrug(row, language);
  }

  async create(ctx: RequestContext, body: FormularyDrugInput, language: Language): Promise<FormularyDrug> {
    const s = requireAdmin(ctx);
    const id = uuidv7();
    await this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.insert(tx, id, s.actor.orgId, drugColumns(body))))
        throw new AppError('DRUG_CODE_TAKEN');
      await recordAudit(tx, s, {
        action: 'pharmacy.drug.create',
        resourceType: 'formulary_drug',
        resourceId: id,
        detail: { code: body.code },
      });
    });
    return this.get(ctx, id, language);
  }

  async update(
    ctx: RequestContext,
    id: string,
    body: FormularyDrugUpdate,
    language: Language,
  ): Promise<FormularyDrug> {
    const s = requireAdmin(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await repo.find(tx, s.actor.orgId, id);
      if (!current) throw new AppError('DRUG_NOT_FOUND');
      const merged = { ...inputOfRow(current, language), ...stripUndefined(body), code: current.code };
      const { code: _code, ...columns } = drugColumns(merged);
      if (!(await repo.update(tx, s.actor.orgId, id, body.version, columns))) {
        throw new AppError('VERSION_CONFLICT', { detail: `current version is ${current.version}` });
      }
      await recordAudit(tx, s, {
        action: 'pharmacy.drug.update',
        resourceType: 'formulary_drug',
        resourceId: id,
        detail: { fields: Object.keys(body).filter((k) => k !== 'version') },
      });
    });
    return this.get(ctx, id, language);
  }

  /** Org admins and pharmacists set what is on hand (never below what open orders reserve). */
  async setStock(
    ctx: RequestContext,
    id: string,
    onHand: number,
    language: Language,
  ): Promise<FormularyDrug> {
    const s = staff(ctx);
    if (!hasRole(s.actor, 'org_admin', 'pharmacist')) throw new AppError('FORBIDDEN');
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await repo.find(tx, s.actor.orgId, id);
      if (!current) throw new AppError('DRUG_NOT_FOUND');
      if (!(await repo.setStock(tx, s.actor.orgId, id, onHand))) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'onHand', message: `below_reserved:${current.reserved ?? 0}` }],
        });
      }
      await recordAudit(tx, s, {
        action: 'pharmacy.stock.set',
        resourceType: 'formulary_drug',
        resourceId: id,
        detail: { before: current.on_hand, after: onHand },
      });
    });
    return this.get(ctx, id, language);
  }

  async exportWorkbook(ctx: RequestContext, language: Language): Promise<Buffer> {
    const s = staff(ctx);
    if (!hasRole(s.actor, 'org_admin', 'pharmacist')) throw new AppError('FORBIDDEN');
    const rows = await repo.all(this.deps.db, s.actor.orgId);
    await recordAudit(this.deps.db, s, {
      action: 'pharmacy.formulary.export',
      resourceType: 'formulary_drug',
      detail: { count: rows.length },
    });
    return buildFormularyWorkbook(rows.map((r) => toApiDrug(r, language)));
  }

  /**
   * Imports a workbook in the export's layout: drugs matched by code are updated, new codes created, stock set
   * where the column has a value. Every row is validated first; any problem and nothing is written.
   */
  async importWorkbook(ctx: RequestContext, bytes: Buffer): Promise<FormularyImportResult> {
    const s = requireAdmin(ctx);
    let parsed: Awaited<ReturnType<typeof parseFormularyWorkbook>>;
    try {
      parsed = await parseFormularyWorkbook(bytes);
    } catch (error) {
      if (error instanceof UnreadableWorkbook) {
        throw new AppError('FORMULARY_IMPORT_UNREADABLE', {
          errors: [{ path: 'file', message: error.message }],
        });
      }
      throw error;
    }
    if (parsed.problems.length > 0) {
      throw new AppError('FORMULARY_IMPORT_INVALID', {
        errors: parsed.problems.slice(0, 500).map((p) => ({
          path: `rows.${p.row}.${p.column}`,
          message: p.message,
        })),
      });
    }
    if (parsed.rows.length === 0) {
      throw new AppError('FORMULARY_IMPORT_UNREADABLE', { errors: [{ path: 'file', message: 'no_rows' }] });
    }
    return this.deps.db.transaction().execute(async (tx) => {
      const result = await applyImport(tx, s.actor.orgId, parsed.rows);
      await recordAudit(tx, s, {
        action: 'pharmacy.formulary.import',
        resourceType: 'formulary_drug',
        detail: result,
      });
      return result;
    });
  }

  async interactions(ctx: RequestContext): Promise<{ items: DrugInteraction[] }> {
    const { actor } = staff(ctx);
    const rows = await this.deps.db
      .selectFrom('drug_interactions')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .orderBy('severity')
      .orderBy('a')
      .orderBy('b')
      .execute();
    return { items: rows.map(toApiInteraction) };
  }

  async saveInteraction(
    ctx: RequestContext,
    id: string | null,
    body: DrugInteractionInput,
  ): Promise<DrugInteraction> {
    const s = requireAdmin(ctx);
    const [a, b] = pairOf(body.a, body.b);
    if (a === b) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'b', message: 'same_as_a' }] });
    const values = { a, b, severity: body.severity, zh: body.zh, en: body.en, source: body.source };
    return this.deps.db.transaction().execute(async (tx) => {
      let rowId = id;
      try {
        if (id) {
          const r = await tx
            .updateTable('drug_interactions')
            .set({ ...values, updated_at: new Date() })
            .where('id', '=', id)
            .where('org_id', '=', s.actor.orgId)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) === 0) throw new AppError('INTERACTION_NOT_FOUND');
        } else {
          rowId = uuidv7();
          await tx
            .insertInto('drug_interactions')
            .values({ id: rowId, org_id: s.actor.orgId, ...values, updated_at: new Date() })
            .execute();
        }
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new AppError('INTERACTION_DUPLICATE');
        throw error;
      }
      await recordAudit(tx, s, {
        action: id ? 'pharmacy.interaction.update' : 'pharmacy.interaction.create',
        resourceType: 'drug_interaction',
        resourceId: rowId,
        detail: { a, b, severity: body.severity },
      });
      const row = await tx
        .selectFrom('drug_interactions')
        .selectAll()
        .where('id', '=', rowId!)
        .executeTakeFirstOrThrow();
      return toApiInteraction(row);
    });
  }

  async deleteInteraction(ctx: RequestContext, id: string): Promise<void> {
    const s = requireAdmin(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const r = await tx
        .deleteFrom('drug_interactions')
        .where('id', '=', id)
        .where('org_id', '=', s.actor.orgId)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw new AppError('INTERACTION_NOT_FOUND');
      await recordAudit(tx, s, {
        action: 'pharmacy.interaction.delete',
        resourceType: 'drug_interaction',
        resourceId: id,
      });
    });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function inputOfRow(row: Parameters<typeof toApiDrug>[0], language: Language): FormularyDrugInput {
  const d = toApiDrug(row, language);
  return {
    code: d.code,
    genericZh: d.genericZh,
    genericEn: d.genericEn,
    brandZh: d.brandZh,
    brandEn: d.brandEn,
    ingredients: d.ingredients,
    atc: d.atc,
    form: d.form,
    strength: d.strength,
    route: d.route,
    packageSize: d.packageSize,
    packageUnit: d.packageUnit,
    priceCents: d.priceCents,
    maxDailyDose: d.maxDailyDose,
    contraindications: d.contraindications,
    pregnancy: d.pregnancy,
    lactation: d.lactation,
    source: d.source,
    active: d.active,
  };
}

/** Upserts the rows by code in the caller's transaction (the import and the demo seed). */
export async function applyImport(
  tx: Executor,
  orgId: string,
  rows: readonly Pick<ParsedRow, 'drug' | 'onHand'>[],
): Promise<FormularyImportResult> {
  const existing = new Map(
    (
      await repo.byCodes(
        tx,
        orgId,
        rows.map((r) => r.drug.code),
      )
    ).map((r) => [r.code, r]),
  );
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const { drug, onHand } of rows) {
    const columns = drugColumns(drug);
    const current = existing.get(drug.code);
    let id: string;
    if (!current) {
      id = uuidv7();
      await repo.insert(tx, id, orgId, columns);
      created++;
    } else {
      id = current.id;
      const { code: _code, ...rest } = columns;
      const before = drugColumns(inputOfRow(current, 'zh-CN'));
      if (
        JSON.stringify({ ...before, code: undefined }) === JSON.stringify({ ...columns, code: undefined })
      ) {
        unchanged++;
      } else {
        await repo.update(tx, orgId, id, null, rest);
        updated++;
      }
    }
    if (onHand !== null && !(await repo.setStock(tx, orgId, id, onHand))) {
      throw new AppError('FORMULARY_IMPORT_INVALID', {
        errors: [{ path: `code.${drug.code}`, message: 'on_hand_below_reserved' }],
      });
    }
  }
  return { created, updated, unchanged, rows: rows.length };
}
