import type { AppDeps } from '../../../platform/deps.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Language } from '../../../platform/http/language.ts';
import type { RecordSource } from '../../../platform/db/schema-records.ts';
import { provenanceOf, sourceForWriter } from '../provenance.ts';
import { requireIcd10 } from '../codes/icd10-table.ts';
import type { EntryKind } from './entry-kinds.ts';
import { entriesRepository as repo, type EntryRow } from './entries.repository.ts';

type Fields = Record<string, unknown>;

/** The API shape of an entry of any kind: its own fields by name, then provenance and version. */
export function toEntry(kind: EntryKind, row: EntryRow): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: row.id, patientId: row.patient_id };
  for (const [field, column] of Object.entries(kind.fields)) {
    const value = row[column];
    entry[field] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return {
    ...entry,
    ...provenanceOf(row),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Fields the request sets (present and not undefined), without `version` and the provenance fields. */
function changedFields(input: Fields): string[] {
  return Object.keys(input).filter(
    (k) => input[k] !== undefined && k !== 'version' && k !== 'source' && k !== 'sourceOrg',
  );
}

function columnsOf(kind: EntryKind, input: Fields): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(kind.fields)) {
    if (input[field] !== undefined) columns[column] = input[field] ?? null;
  }
  return columns;
}

/** A known ICD-10 code in its canonical spelling; `display` from the table when the request gives none. */
function withCode(kind: EntryKind, input: Fields, language: Language): Fields {
  if (!kind.coded || typeof input.icd10 !== 'string') return input;
  const coded = requireIcd10(input.icd10, 'icd10', language);
  return { ...input, icd10: coded.code, display: input.display ?? coded.display };
}

/** The end of a period may not come before its start (dates and ISO times compare as text within one kind). */
function checkPeriod(kind: EntryKind, merged: Fields): void {
  if (!kind.period) return;
  const [startField, endField] = kind.period;
  const start = merged[startField];
  const end = merged[endField];
  if (typeof start !== 'string' || typeof end !== 'string') return;
  const startTime = new Date(start).getTime();
  const endTime = new Date(end).getTime();
  if (endTime < startTime) {
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: endField, message: 'before_start' }] });
  }
}

/** List, create, change and remove entries of the six kinds that share one life cycle. */
export class EntriesService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext, kind: EntryKind, patientId: string, includeInactive: boolean) {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.list(tx, kind, {
        orgId: access.orgId,
        patientId,
        activeOnly: !includeInactive,
      });
      await recordAudit(tx, ctx, {
        action: `record.${kind.name}.list`,
        orgId: access.orgId,
        patientId,
        resourceType: kind.name,
        detail: { basis: access.basis, count: rows.length },
      });
      return { items: rows.map((r) => toEntry(kind, r)) };
    });
  }

  async create(ctx: RequestContext, kind: EntryKind, patientId: string, body: Fields, language: Language) {
    return this.deps.db.transaction().execute((tx) => createEntry(tx, ctx, kind, patientId, body, language));
  }

  async update(
    ctx: RequestContext,
    kind: EntryKind,
    target: { patientId: string; entryId: string },
    body: Fields & { version: number },
    language: Language,
  ) {
    const input = withCode(kind, body, language);
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, target.patientId, 'edit');
      const scope = { orgId: access.orgId, ...target };
      const current = await repo.find(tx, kind, scope);
      if (!current) throw new AppError('RECORD_ENTRY_NOT_FOUND');
      const fields = changedFields(input);
      this.checkMayChange(ctx, kind, current, fields);
      checkPeriod(kind, { ...toEntry(kind, current), ...input });
      if (current.version !== body.version) {
        throw new AppError('VERSION_CONFLICT', { detail: `current version is ${current.version}` });
      }
      const changed = await repo.update(
        tx,
        kind,
        { ...scope, version: body.version },
        columnsOf(kind, input),
      );
      if (!changed) throw new AppError('VERSION_CONFLICT');
      await recordAudit(tx, ctx, {
        action: `record.${kind.name}.update`,
        orgId: access.orgId,
        patientId: target.patientId,
        resourceType: kind.name,
        resourceId: target.entryId,
        detail: { basis: access.basis, fields },
      });
      return toEntry(kind, (await repo.find(tx, kind, scope))!);
    });
  }

  async remove(ctx: RequestContext, kind: EntryKind, target: { patientId: string; entryId: string }) {
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, target.patientId, 'edit');
      const scope = { orgId: access.orgId, ...target };
      const current = await repo.find(tx, kind, scope);
      if (!current) throw new AppError('RECORD_ENTRY_NOT_FOUND');
      // Removing an entry removes its text: a patient's own words are not the care team's to remove.
      this.checkMayChange(ctx, kind, current, ['*']);
      await repo.softDelete(tx, kind, scope);
      await recordAudit(tx, ctx, {
        action: `record.${kind.name}.delete`,
        orgId: access.orgId,
        patientId: target.patientId,
        resourceType: kind.name,
        resourceId: target.entryId,
        detail: { basis: access.basis, source: current.source },
      });
    });
  }

  /**
   * Patients change only what they reported themselves; staff change anything, except that on a patient's
   * self-reported entry they may set only the status fields (mark it resolved or inactive), never the words.
   */
  private checkMayChange(ctx: RequestContext, kind: EntryKind, current: EntryRow, fields: string[]) {
    if (ctx.actor.kind === 'patient') {
      if (current.source !== 'self') throw new AppError('RECORD_NOT_EDITABLE');
      return;
    }
    if (current.source !== 'self') return;
    const refused = fields.filter((f) => !kind.statusFields.includes(f));
    if (refused.length > 0) {
      throw new AppError('RECORD_SELF_REPORTED_TEXT', {
        errors: refused.filter((f) => f !== '*').map((path) => ({ path, message: 'self_reported' })),
      });
    }
  }
}

/**
 * Creates a record entry in the caller's transaction: the one path for every writer of an entry (the records
 * routes, and other modules that add to the record, such as a reviewed drug reaction becoming an allergy).
 */
export async function createEntry(
  tx: Executor,
  ctx: RequestContext,
  kind: EntryKind,
  patientId: string,
  body: Fields,
  language: Language,
): Promise<Record<string, unknown>> {
  const source = sourceForWriter(ctx.actor, body.source as RecordSource | undefined);
  const input = withCode(kind, body, language);
  checkPeriod(kind, input);
  const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
  const id = uuidv7();
  await repo.insert(tx, kind, {
    id,
    orgId: access.orgId,
    patientId,
    source,
    sourceOrg: (body.sourceOrg as string | null | undefined) ?? null,
    recordedBy: ctx.actor.accountId,
    columns: columnsOf(kind, input),
  });
  await recordAudit(tx, ctx, {
    action: `record.${kind.name}.create`,
    orgId: access.orgId,
    patientId,
    resourceType: kind.name,
    resourceId: id,
    detail: { basis: access.basis, source },
  });
  const row = await repo.find(tx, kind, { orgId: access.orgId, patientId, entryId: id });
  return toEntry(kind, row!);
}
