import type { Prescription, ReviewItem, ReviewQueue } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import { hasRole } from '../../../platform/auth/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { recordAudit, recordAudits } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { storeMedicationStatements } from '../../records/index.ts';
import { patientSideAccounts, publishPrescriptionChanged, tellPharmacy } from '../pharmacy-notes.ts';
import {
  prescriptionQueries as q,
  toPrescription,
  type ItemRow,
  type PrescriptionRow,
} from '../prescriptions/prescription-view.ts';
import { frequencyOf, plainText } from '../prescriptions/items.ts';
import { formularyRepository } from '../formulary/formulary.repository.ts';
import { loadSafetyFacts } from '../prescriptions/safety-context.ts';
import type { DoseUnit } from '@careloop/contracts';

type Pharmacist = RequestContext & { actor: StaffActor };

function requirePharmacist(ctx: RequestContext): Pharmacist {
  if (ctx.actor.kind !== 'staff' || !hasRole(ctx.actor, 'pharmacist')) throw new AppError('FORBIDDEN');
  return ctx as Pharmacist;
}

const STATUS_OF = { pending: 'pending_review', approved: 'approved', rejected: 'rejected' } as const;

/**
 * The pharmacist's review (处方审核): a queue of the organization's signed prescriptions, oldest first, each with
 * the record facts the safety check used; approve, or reject with a reason back to the prescriber. Exactly one
 * review wins: both are conditional UPDATEs on the status.
 */
export class ReviewService {
  constructor(private readonly deps: AppDeps) {}

  async queue(
    ctx: RequestContext,
    query: { status: 'pending' | 'approved' | 'rejected'; limit: number },
    language: Language,
  ): Promise<ReviewQueue> {
    const s = requirePharmacist(ctx);
    const db = this.deps.db;
    const pending = query.status === 'pending';
    const ids = (
      await db
        .selectFrom('prescriptions')
        .select('id')
        .where('org_id', '=', s.actor.orgId)
        .where('status', '=', STATUS_OF[query.status])
        .orderBy(pending ? 'signed_at' : 'reviewed_at', pending ? 'asc' : 'desc')
        .limit(query.limit)
        .execute()
    ).map((r) => r.id);
    const [rows, items] = await Promise.all([q.load(db, { orgId: s.actor.orgId }, ids), q.items(db, ids)]);
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const out = await Promise.all(rows.map((row) => this.reviewItem(db, row, items, language)));
    await recordAudits(
      db,
      ctx,
      rows.map((r) => ({
        action: 'prescription.review.read',
        resourceType: 'prescription',
        resourceId: r.id,
        patientId: r.patient_id,
        orgId: r.org_id,
        detail: { basis: 'pharmacist_review' },
      })),
    );
    return { items: out };
  }

  async one(ctx: RequestContext, id: string, language: Language): Promise<ReviewItem> {
    const s = requirePharmacist(ctx);
    const db = this.deps.db;
    const [row] = await q.load(db, { orgId: s.actor.orgId }, [id]);
    if (!row) throw new AppError('PRESCRIPTION_NOT_FOUND');
    const items = await q.items(db, [id]);
    await recordAudit(db, ctx, {
      action: 'prescription.review.read',
      resourceType: 'prescription',
      resourceId: id,
      patientId: row.patient_id,
      orgId: row.org_id,
      detail: { basis: 'pharmacist_review' },
    });
    return this.reviewItem(db, row, items, language);
  }

  private async reviewItem(
    db: Executor,
    row: PrescriptionRow,
    items: readonly ItemRow[],
    language: Language,
  ): Promise<ReviewItem> {
    const facts = await loadSafetyFacts(db, row.org_id, row.patient_id);
    return {
      prescription: toPrescription(row, items, language, 'staff'),
      patient: {
        id: row.patient_id,
        name: facts.patient.name,
        sex: facts.patient.sex,
        ageYears: facts.patient.ageYears,
        allergies: facts.allergies,
        conditions: facts.conditions,
        currentMedications: facts.current.map((c) => ({ name: c.name, dose: c.dose, source: c.source })),
      },
      waitingSeconds: Math.max(0, Math.round((Date.now() - row.signed_at.getTime()) / 1000)),
    };
  }

  async approve(
    ctx: RequestContext,
    id: string,
    note: string | null,
    language: Language,
  ): Promise<Prescription> {
    const s = requirePharmacist(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.decide(tx, s, id, 'approved', note);
      const items = await q.items(tx, [id]);
      const drugs = new Map(
        (
          await formularyRepository.many(
            tx,
            row.org_id,
            items.map((i) => i.drug_id),
          )
        ).map((d) => [d.id, d]),
      );
      // The approved items become the patient's current medications in the record: later checks, the record and
      // the care team see them.
      await storeMedicationStatements(
        tx,
        items.map((i) => ({
          orgId: row.org_id,
          patientId: row.patient_id,
          name: i.drug_name_zh,
          atc: drugs.get(i.drug_id)?.atc ?? null,
          dose: `${Number(i.dose_value)} ${i.dose_unit}`,
          route: i.route,
          frequency: i.frequency,
          reason: row.diagnosis,
          startedOn: null,
          note: plainText(
            {
              doseValue: Number(i.dose_value),
              doseUnit: i.dose_unit as DoseUnit,
              frequency: frequencyOf(i.frequency),
              durationDays: i.duration_days,
            },
            'zh-CN',
          ),
          prescriptionItemId: i.id,
          recordedBy: row.prescriber_account_id,
          sourceOrg: null,
        })),
      );
      await tellPharmacy(
        tx,
        { id, orgId: row.org_id, patientId: row.patient_id },
        await patientSideAccounts(tx, row.patient_id),
        'approved',
        `/prescriptions/${id}`,
      );
    });
    publishPrescriptionChanged(this.deps, s.actor.orgId, id, 'approved');
    return this.after(ctx, id, language);
  }

  async reject(ctx: RequestContext, id: string, reason: string, language: Language): Promise<Prescription> {
    const s = requirePharmacist(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.decide(tx, s, id, 'rejected', reason);
      await tellPharmacy(
        tx,
        { id, orgId: row.org_id, patientId: row.patient_id },
        [row.prescriber_account_id],
        'rejected',
        `/patients/${row.patient_id}?tab=prescriptions&prescription=${id}`,
      );
    });
    publishPrescriptionChanged(this.deps, s.actor.orgId, id, 'rejected');
    return this.after(ctx, id, language);
  }

  /** The one conditional UPDATE that decides: a second reviewer (or a revision meanwhile) gets 409. */
  private async decide(
    tx: Executor,
    s: Pharmacist,
    id: string,
    status: 'approved' | 'rejected',
    note: string | null,
  ): Promise<PrescriptionRow> {
    const [row] = await q.load(tx, { orgId: s.actor.orgId }, [id]);
    if (!row) throw new AppError('PRESCRIPTION_NOT_FOUND');
    // Four eyes: a pharmacist who also prescribes does not review their own prescription.
    if (row.prescriber_account_id === s.actor.accountId) throw new AppError('FORBIDDEN');
    const now = new Date();
    const done = await tx
      .updateTable('prescriptions')
      .set({ status, reviewed_by: s.actor.accountId, reviewed_at: now, review_note: note, updated_at: now })
      .where('id', '=', id)
      .where('org_id', '=', s.actor.orgId)
      .where('status', '=', 'pending_review')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) {
      throw new AppError('PRESCRIPTION_STATE', { detail: `status is ${row.status}` });
    }
    await recordAudit(tx, s, {
      action: status === 'approved' ? 'prescription.approve' : 'prescription.reject',
      resourceType: 'prescription',
      resourceId: id,
      patientId: row.patient_id,
      orgId: row.org_id,
      detail: { basis: 'pharmacist_review', hasNote: note !== null },
    });
    return row;
  }

  private async after(ctx: RequestContext, id: string, language: Language): Promise<Prescription> {
    const db = this.deps.db;
    const [row] = await q.load(db, { orgId: (ctx.actor as StaffActor).orgId }, [id]);
    const items = await q.items(db, [id]);
    return toPrescription(row!, items, language, 'staff');
  }
}
