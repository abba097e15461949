import type {
  Observation,
  ObservationCodeSummary,
  ObservationInput,
  ObservationSeries,
} from '@careloop/contracts';
import { analyteByLoinc } from '@careloop/clinical';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { loadPatientFacts } from '../patient-facts.ts';
import { normalizeReading, referenceBand } from './observation-rules.ts';
import { observationName, toObservation } from './observation-mapper.ts';
import { observationsRepository as repo } from './observations.repository.ts';
import { storeObservations } from './observations.store.ts';

const MAX_SERIES_POINTS = 5000;
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ObservationListQuery {
  code?: string | undefined;
  codeSystem?: 'loinc' | 'local' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  before?: string | undefined;
}

export class ObservationsService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext, patientId: string, query: ObservationListQuery, language: Language) {
    const before = decodeCursor(query.before, 'before');
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.listPage(tx, { orgId: access.orgId, patientId, ...query, before });
      const page = rows.slice(0, query.limit);
      await recordAudit(tx, ctx, {
        action: 'record.observation.list',
        orgId: access.orgId,
        patientId,
        resourceType: 'observation',
        detail: { basis: access.basis, code: query.code ?? null, count: page.length },
      });
      const last = page.at(-1);
      return {
        items: page.map((r) => toObservation(r, language)),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null,
      };
    });
  }

  /**
   * One code's numeric values for a curve, oldest first, with the reference band: the built-in range for the
   * patient's sex and current age when the analyte has one, else the range printed on the latest result.
   */
  async series(
    ctx: RequestContext,
    patientId: string,
    input: { code?: string | undefined; from?: string | undefined; to?: string | undefined },
    language: Language,
  ): Promise<ObservationSeries> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const { code } = input;
      if (!code) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'querystring.code', message: 'required' }],
        });
      }
      const query = { ...input, code };
      const rows = await repo.series(tx, {
        orgId: access.orgId,
        patientId,
        ...query,
        limit: MAX_SERIES_POINTS + 1,
      });
      const latest = rows[0];
      const analyte = analyteByLoinc(query.code);
      const unit = latest?.unit ?? analyte?.reportedUnit ?? null;
      const facts = await loadPatientFacts(tx, access.orgId, patientId);
      const band = analyte ? referenceBand(analyte.loinc, unit, facts, new Date()) : null;
      await recordAudit(tx, ctx, {
        action: 'record.observation.series',
        orgId: access.orgId,
        patientId,
        resourceType: 'observation',
        detail: { basis: access.basis, code: query.code, points: Math.min(rows.length, MAX_SERIES_POINTS) },
      });
      const codeSystem = latest?.code_system ?? (analyte ? 'loinc' : 'local');
      return {
        code: query.code,
        codeSystem,
        name: observationName(codeSystem, query.code, latest?.name ?? query.code, language),
        unit,
        referenceLow: band ? band.low : (latest?.ref_low ?? null),
        referenceHigh: band ? band.high : (latest?.ref_high ?? null),
        points: rows
          .slice(0, MAX_SERIES_POINTS)
          .reverse()
          .map((r) => ({
            id: r.id,
            at: r.effective_at.toISOString(),
            value: r.value_num,
            flag: r.flag,
            source: r.source,
          })),
        truncated: rows.length > MAX_SERIES_POINTS,
      };
    });
  }

  async codes(
    ctx: RequestContext,
    patientId: string,
    language: Language,
  ): Promise<{ items: ObservationCodeSummary[] }> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.codes(tx, { orgId: access.orgId, patientId });
      await recordAudit(tx, ctx, {
        action: 'record.observation.codes',
        orgId: access.orgId,
        patientId,
        resourceType: 'observation',
        detail: { basis: access.basis, codes: rows.length },
      });
      const items = rows.map((r) => ({
        code: r.code,
        codeSystem: r.code_system,
        name: observationName(r.code_system, r.code, r.name, language),
        unit: r.unit,
        count: Number(r.n),
        numeric: r.numeric,
        latest: {
          value: r.value_num,
          valueText: r.value_text,
          flag: r.flag,
          at: r.effective_at.toISOString(),
        },
      }));
      items.sort((a, b) => b.latest.at.localeCompare(a.latest.at));
      return { items };
    });
  }

  /** A reading typed by the patient (self-reported) or a clinician, converted, flagged and checked by the rules. */
  async create(
    ctx: RequestContext,
    patientId: string,
    input: ObservationInput,
    language: Language,
  ): Promise<Observation> {
    const reading = normalizeReading(input);
    const effectiveAt = new Date(input.effectiveAt);
    if (effectiveAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'effectiveAt', message: 'in_future' }] });
    }
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const facts = await loadPatientFacts(tx, access.orgId, patientId);
      if (input.effectiveAt.slice(0, 10) < facts.birthDate) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'effectiveAt', message: 'before_birth' }],
        });
      }
      const [stored] = await storeObservations(tx, this.deps, {
        orgId: access.orgId,
        patientId,
        recordedBy: ctx.actor.accountId,
        rows: [
          {
            ...reading,
            effectiveAt,
            source: ctx.actor.kind === 'patient' ? 'self' : 'clinician',
            note: input.note ?? null,
          },
        ],
      });
      await recordAudit(tx, ctx, {
        action: 'record.observation.create',
        orgId: access.orgId,
        patientId,
        resourceType: 'observation',
        resourceId: stored!.id,
        detail: { basis: access.basis, code: reading.code, flag: stored!.flag },
      });
      const row = await repo.find(tx, { orgId: access.orgId, patientId, observationId: stored!.id });
      return toObservation(row!, language);
    });
  }

  /**
   * Marks a reading as entered in error: it stays stored for the audit trail but leaves every list and curve.
   * Clinicians may mark any reading; patients only their own self-reported ones.
   */
  async enteredInError(
    ctx: RequestContext,
    target: { patientId: string; observationId: string },
    reason: string | undefined,
    language: Language,
  ): Promise<Observation> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, target.patientId, 'edit');
      const scope = { orgId: access.orgId, ...target };
      const row = await repo.find(tx, scope);
      if (!row) throw new AppError('RECORD_OBSERVATION_NOT_FOUND');
      if (ctx.actor.kind === 'patient' && row.source !== 'self') throw new AppError('RECORD_NOT_EDITABLE');
      if (row.status === 'entered_in_error') throw new AppError('RECORD_ALREADY_ENTERED_IN_ERROR');
      await repo.markEnteredInError(tx, { id: row.id, effectiveAt: row.effective_at });
      await recordAudit(tx, ctx, {
        action: 'record.observation.entered_in_error',
        orgId: access.orgId,
        patientId: target.patientId,
        resourceType: 'observation',
        resourceId: row.id,
        reason: reason ?? null,
        detail: { basis: access.basis, source: row.source },
      });
      return toObservation((await repo.find(tx, scope))!, language);
    });
  }
}
