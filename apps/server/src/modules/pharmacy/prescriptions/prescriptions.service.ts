import type {
  CreatePrescriptionBody,
  Prescription,
  PrescriptionCheckBody,
  PrescriptionCheckResult,
  PrescriptionList,
  RevisePrescriptionBody,
  SafetyFinding,
} from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import { hasRole } from '../../../platform/auth/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { formularyRepository } from '../formulary/formulary.repository.ts';
import { orgPharmacists, publishPrescriptionChanged, tellPharmacy } from '../pharmacy-notes.ts';
import { resolveItems, type ResolvedItem } from './items.ts';
import { loadSafetyFacts, runCheck } from './safety-context.ts';
import {
  contentHash,
  prescriptionQueries as q,
  toPrescription,
  type PrescriptionRow,
  type SignedContent,
} from './prescription-view.ts';

type Doctor = RequestContext & { actor: StaffActor };

function requireDoctor(ctx: RequestContext): Doctor {
  if (ctx.actor.kind !== 'staff' || !hasRole(ctx.actor, 'doctor')) throw new AppError('FORBIDDEN');
  return ctx as Doctor;
}

/** Writing, checking, revising, cancelling and reading prescriptions. */
export class PrescriptionsService {
  constructor(private readonly deps: AppDeps) {}

  private async resolve(db: Executor, orgId: string, items: CreatePrescriptionBody['items']) {
    const drugs = await formularyRepository.many(
      db,
      orgId,
      items.map((i) => i.drugId),
    );
    return resolveItems(items, new Map(drugs.map((d) => [d.id, d])));
  }

  /** The live safety check while the prescriber writes: nothing is stored but the audit of the record read. */
  async check(
    ctx: RequestContext,
    patientId: string,
    body: PrescriptionCheckBody,
  ): Promise<PrescriptionCheckResult> {
    const doctor = requireDoctor(ctx);
    const db = this.deps.db;
    const orgId = doctor.actor.orgId;
    // The record read carries the access decision (the policy of requirePatientAccess for 'edit': a care
    // relationship inside the organization; break-glass reads, it does not prescribe) and writes the read's audit
    // entry when that holds, so the check is one round trip after the session: the drugs beside the facts.
    const [itemsRead, factsRead] = await Promise.allSettled([
      this.resolve(db, orgId, body.items),
      loadSafetyFacts(
        db,
        orgId,
        patientId,
        doctor.actor.accountId,
        {
          id: uuidv7(),
          actorKind: doctor.actor.via === 'token' ? 'token' : 'staff',
          action: 'prescription.check',
          requestId: ctx.requestId,
          ip: ctx.ip,
          detail: { basis: 'care_team', items: body.items.length },
        },
        this.deps.pool,
      ),
    ]);
    // Access is answered first, whatever else is wrong with the draft.
    if (factsRead.status === 'rejected') throw factsRead.reason;
    const facts = factsRead.value;
    if (!facts.care) throw new AppError('ACCESS_DENIED');
    if (itemsRead.status === 'rejected') throw itemsRead.reason;
    const items = itemsRead.value;
    const findings = runCheck(items, facts);
    return {
      findings,
      items: items.map((i) => ({
        index: i.index,
        frequency: i.frequency.code,
        dailyDose: i.dailyDose,
        suggestedQuantity: i.suggestedQuantity,
      })),
    };
  }

  async create(
    ctx: RequestContext,
    patientId: string,
    body: CreatePrescriptionBody,
    language: Language,
  ): Promise<Prescription> {
    const doctor = requireDoctor(ctx);
    const id = await this.deps.db.transaction().execute(async (tx) => {
      // 'edit' needs a care relationship: break-glass opens a record to read, not to prescribe.
      const access = await requirePatientAccess(tx, doctor.actor, patientId, 'edit');
      await this.checkLinks(tx, access.orgId, patientId, body);
      return this.sign(tx, doctor, {
        orgId: access.orgId,
        patientId,
        consultationId: body.consultationId ?? null,
        appointmentId: body.appointmentId ?? null,
        previous: null,
        body,
        basis: access.basis,
      });
    });
    publishPrescriptionChanged(this.deps, doctor.actor.orgId, id, 'pending_review');
    return this.get(ctx, patientId, id, language, false);
  }

  /** A new version of a prescription still waiting for review or rejected; the old one is superseded. */
  async revise(
    ctx: RequestContext,
    patientId: string,
    prescriptionId: string,
    body: RevisePrescriptionBody,
    language: Language,
  ): Promise<Prescription> {
    const doctor = requireDoctor(ctx);
    const id = await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, doctor.actor, patientId, 'edit');
      const current = await this.loadOwn(tx, access.orgId, patientId, prescriptionId, doctor);
      const superseded = await tx
        .updateTable('prescriptions')
        .set({ status: 'superseded', updated_at: new Date() })
        .where('id', '=', current.id)
        .where('status', 'in', ['pending_review', 'rejected'])
        .executeTakeFirst();
      if (Number(superseded.numUpdatedRows) === 0) {
        throw new AppError('PRESCRIPTION_STATE', { detail: `status is ${current.status}` });
      }
      return this.sign(tx, doctor, {
        orgId: access.orgId,
        patientId,
        consultationId: current.consultation_id,
        appointmentId: current.appointment_id,
        previous: { id: current.id, version: current.version },
        body,
        basis: access.basis,
      });
    });
    publishPrescriptionChanged(this.deps, doctor.actor.orgId, id, 'pending_review');
    return this.get(ctx, patientId, id, language, false);
  }

  async cancel(
    ctx: RequestContext,
    patientId: string,
    prescriptionId: string,
    reason: string,
    language: Language,
  ): Promise<Prescription> {
    const doctor = requireDoctor(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, doctor.actor, patientId, 'edit');
      const current = await this.loadOwn(tx, access.orgId, patientId, prescriptionId, doctor);
      const done = await tx
        .updateTable('prescriptions')
        .set({ status: 'cancelled', updated_at: new Date() })
        .where('id', '=', current.id)
        .where('status', 'in', ['pending_review', 'rejected'])
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) {
        throw new AppError('PRESCRIPTION_STATE', { detail: `status is ${current.status}` });
      }
      await recordAudit(tx, ctx, {
        action: 'prescription.cancel',
        resourceType: 'prescription',
        resourceId: current.id,
        patientId,
        orgId: access.orgId,
        reason,
        detail: { basis: access.basis, from: current.status },
      });
    });
    publishPrescriptionChanged(this.deps, doctor.actor.orgId, prescriptionId, 'cancelled');
    return this.get(ctx, patientId, prescriptionId, language, false);
  }

  async list(ctx: RequestContext, patientId: string, language: Language): Promise<PrescriptionList> {
    const db = this.deps.db;
    const access = await requirePatientAccess(db, ctx.actor, patientId, 'view');
    const side = ctx.actor.kind === 'patient' ? 'patient' : 'staff';
    let query = db
      .selectFrom('prescriptions')
      .select('id')
      .where('patient_id', '=', patientId)
      .where('org_id', '=', access.orgId)
      .orderBy('created_at', 'desc')
      .limit(200);
    if (side === 'patient') query = query.where('status', '<>', 'superseded');
    const ids = (await query.execute()).map((r) => r.id);
    const [rows, items] = await Promise.all([q.load(db, { orgId: access.orgId }, ids), q.items(db, ids)]);
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    await recordAudit(db, ctx, {
      action: 'prescription.list',
      resourceType: 'prescription',
      patientId,
      orgId: access.orgId,
      detail: { basis: access.basis, count: rows.length },
    });
    return { items: rows.map((r) => toPrescription(r, items, language, side)) };
  }

  async get(
    ctx: RequestContext,
    patientId: string,
    prescriptionId: string,
    language: Language,
    audit = true,
  ): Promise<Prescription> {
    const db = this.deps.db;
    const access = await requirePatientAccess(db, ctx.actor, patientId, 'view');
    const [row] = await q.load(db, { orgId: access.orgId }, [prescriptionId]);
    if (!row || row.patient_id !== patientId) throw new AppError('PRESCRIPTION_NOT_FOUND');
    const side = ctx.actor.kind === 'patient' ? 'patient' : 'staff';
    if (side === 'patient' && row.status === 'superseded') throw new AppError('PRESCRIPTION_NOT_FOUND');
    const items = await q.items(db, [row.id]);
    if (audit)
      await recordAudit(db, ctx, {
        action: 'prescription.read',
        resourceType: 'prescription',
        resourceId: row.id,
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis },
      });
    return toPrescription(row, items, language, side);
  }

  /** The prescription, written by this doctor, of this patient in this organization. */
  private async loadOwn(
    db: Executor,
    orgId: string,
    patientId: string,
    prescriptionId: string,
    doctor: Doctor,
  ): Promise<PrescriptionRow> {
    const [row] = await q.load(db, { orgId }, [prescriptionId]);
    if (!row || row.patient_id !== patientId) throw new AppError('PRESCRIPTION_NOT_FOUND');
    if (row.prescriber_account_id !== doctor.actor.accountId)
      throw new AppError('PRESCRIPTION_NOT_PRESCRIBER');
    return row;
  }

  /** A named consultation or appointment must be this patient's, in this organization. */
  private async checkLinks(
    db: Executor,
    orgId: string,
    patientId: string,
    body: Pick<CreatePrescriptionBody, 'consultationId' | 'appointmentId'>,
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (body.consultationId) {
      const c = await db
        .selectFrom('consultations')
        .select('id')
        .where('id', '=', body.consultationId)
        .where('patient_id', '=', patientId)
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (!c) errors.push({ path: 'consultationId', message: 'not_this_patients' });
    }
    if (body.appointmentId) {
      const a = await db
        .selectFrom('appointments')
        .select('id')
        .where('id', '=', body.appointmentId)
        .where('patient_id', '=', patientId)
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (!a) errors.push({ path: 'appointmentId', message: 'not_this_patients' });
    }
    if (errors.length > 0) throw new AppError('PRESCRIPTION_LINK_INVALID', { errors });
  }

  /**
   * Re-runs the safety check on the server, requires an override reason on every item with findings, signs
   * (content hash, time, prescriber) and stores the prescription for review; tells the pharmacists.
   */
  private async sign(
    tx: Executor,
    doctor: Doctor,
    args: {
      orgId: string;
      patientId: string;
      consultationId: string | null;
      appointmentId: string | null;
      previous: { id: string; version: number } | null;
      body: RevisePrescriptionBody;
      basis: string;
    },
  ): Promise<string> {
    const items = await this.resolve(tx, args.orgId, args.body.items);
    const facts = await loadSafetyFacts(tx, args.orgId, args.patientId);
    const findings = runCheck(items, facts);
    requireOverrides(items, findings);

    const id = uuidv7();
    const signedAt = new Date();
    const version = args.previous ? args.previous.version + 1 : 1;
    const itemRows = items.map((item, position) => ({
      id: uuidv7(),
      prescription_id: id,
      org_id: args.orgId,
      drug_id: item.drug.id,
      drug_code: item.drug.code,
      drug_name_zh: item.drug.generic_zh,
      drug_name_en: item.drug.generic_en,
      dose_value: item.dose.value,
      dose_unit: item.dose.unit,
      frequency: item.frequency.code,
      route: item.drug.route,
      duration_days: item.durationDays,
      quantity: item.quantity,
      instructions: item.instructions,
      findings: findings.filter((f) => f.itemIndex === item.index),
      override_reason: findings.some((f) => f.itemIndex === item.index) ? item.overrideReason : null,
      position,
    }));
    const content: SignedContent = {
      id,
      orgId: args.orgId,
      patientId: args.patientId,
      prescriberAccountId: doctor.actor.accountId,
      consultationId: args.consultationId,
      appointmentId: args.appointmentId,
      version,
      previousId: args.previous?.id ?? null,
      diagnosis: args.body.diagnosis ?? null,
      note: args.body.note ?? null,
      longTerm: args.body.longTerm,
      signedAt: signedAt.toISOString(),
      items: itemRows.map((i) => ({
        position: i.position,
        drugId: i.drug_id,
        drugCode: i.drug_code,
        drugNameZh: i.drug_name_zh,
        drugNameEn: i.drug_name_en,
        doseValue: i.dose_value,
        doseUnit: i.dose_unit,
        frequency: i.frequency,
        route: i.route,
        durationDays: i.duration_days,
        quantity: i.quantity,
        instructions: i.instructions,
        findings: i.findings.map((f) => f.key),
        overrideReason: i.override_reason,
      })),
    };
    await tx
      .insertInto('prescriptions')
      .values({
        id,
        org_id: args.orgId,
        patient_id: args.patientId,
        prescriber_account_id: doctor.actor.accountId,
        consultation_id: args.consultationId,
        appointment_id: args.appointmentId,
        status: 'pending_review',
        version,
        previous_id: args.previous?.id ?? null,
        diagnosis: content.diagnosis,
        note: content.note,
        content_hash: contentHash(content),
        signed_at: signedAt,
        long_term: content.longTerm,
        updated_at: signedAt,
      })
      .execute();
    await tx
      .insertInto('prescription_items')
      .values(itemRows.map((i) => ({ ...i, findings: JSON.stringify(i.findings) })))
      .execute();
    await recordAudit(tx, doctor, {
      action: args.previous ? 'prescription.revise' : 'prescription.sign',
      resourceType: 'prescription',
      resourceId: id,
      patientId: args.patientId,
      orgId: args.orgId,
      detail: {
        basis: args.basis,
        version,
        previousId: args.previous?.id ?? null,
        items: items.length,
        findings: findings.map((f) => ({ kind: f.kind, level: f.level, item: f.itemIndex })),
      },
    });
    const pharmacists = await orgPharmacists(tx, args.orgId, doctor.actor.accountId);
    await tellPharmacy(
      tx,
      { id, orgId: args.orgId, patientId: args.patientId },
      pharmacists,
      'toReview',
      `/pharmacy/reviews?prescription=${id}`,
    );
    return id;
  }
}

/** Every item with findings needs its override reason; the error names each item and the findings left open. */
function requireOverrides(items: readonly ResolvedItem[], findings: readonly SafetyFinding[]): void {
  const errors: FieldError[] = [];
  for (const item of items) {
    if (item.overrideReason) continue;
    for (const f of findings.filter((x) => x.itemIndex === item.index)) {
      errors.push({
        path: `items.${item.index}.overrideReason`,
        message: `required:${f.kind}${f.with ? `:${f.with}` : ''}`,
      });
    }
  }
  if (errors.length > 0) throw new AppError('PRESCRIPTION_OVERRIDE_REQUIRED', { errors });
}
