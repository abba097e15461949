import { sql } from 'kysely';
import type { RefillRequest } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { notify } from '../notifications/index.ts';
import { patientAccounts } from './patient-accounts.ts';

interface RefillRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string;
  prescription_id: string;
  prescriber_account_id: string;
  note: string | null;
  status: 'requested' | 'renewed' | 'declined';
  renewal_prescription_id: string | null;
  decline_reason: string | null;
  created_at: Date;
  version: number;
  drugs_zh: string[];
  drugs_en: string[];
}

async function loadRefills(db: Executor, where: ReturnType<typeof sql>): Promise<RefillRow[]> {
  const result = await sql<RefillRow>`
    SELECT r.id, r.org_id, r.patient_id, p.name AS patient_name, r.prescription_id, r.prescriber_account_id, r.note,
           r.status, r.renewal_prescription_id, r.decline_reason, r.created_at, r.version,
           (SELECT array_agg(pi.drug_name_zh ORDER BY pi.position) FROM prescription_items pi
             WHERE pi.prescription_id = r.prescription_id) AS drugs_zh,
           (SELECT array_agg(pi.drug_name_en ORDER BY pi.position) FROM prescription_items pi
             WHERE pi.prescription_id = r.prescription_id) AS drugs_en
      FROM refill_requests r JOIN patients p ON p.id = r.patient_id
     WHERE ${where} ORDER BY (r.status = 'requested') DESC, r.created_at DESC LIMIT 200`.execute(db);
  return result.rows;
}

function toRefill(r: RefillRow, language: Language): RefillRequest {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    prescriptionId: r.prescription_id,
    drugNames: (language === 'zh-CN' ? r.drugs_zh : r.drugs_en) ?? [],
    note: r.note,
    status: r.status,
    renewalPrescriptionId: r.renewal_prescription_id,
    declineReason: r.decline_reason,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/**
 * Refill requests for long-term prescriptions: the patient asks, the prescriber is notified and renews (the
 * renewal is a new prescription written the usual way, linked here) or declines with a reason.
 */
export class RefillsService {
  constructor(private readonly deps: AppDeps) {}

  async request(
    ctx: RequestContext,
    patientId: string,
    body: { prescriptionId: string; note?: string | undefined },
    language: Language,
  ): Promise<RefillRequest> {
    if (ctx.actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'book');
      const p = await tx
        .selectFrom('prescriptions')
        .select(['id', 'org_id', 'status', 'long_term', 'prescriber_account_id'])
        .where('id', '=', body.prescriptionId)
        .where('patient_id', '=', patientId)
        .executeTakeFirst();
      if (!p) throw new AppError('PRESCRIPTION_NOT_FOUND');
      if (!p.long_term || !['approved', 'completed'].includes(p.status))
        throw new AppError('REFILL_NOT_ALLOWED');
      const id = uuidv7();
      const inserted = await tx
        .insertInto('refill_requests')
        .values({
          id,
          org_id: p.org_id,
          patient_id: patientId,
          prescription_id: p.id,
          prescriber_account_id: p.prescriber_account_id,
          requested_by: ctx.actor.accountId,
          note: body.note ?? null,
        })
        .onConflict((oc) => oc.column('prescription_id').where('status', '=', 'requested').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new AppError('REFILL_NOT_ALLOWED');
      await recordAudit(tx, ctx, {
        action: 'refill_request.create',
        resourceType: 'refill_request',
        resourceId: id,
        patientId,
        orgId: p.org_id,
        detail: { basis: access.basis },
      });
      const [row] = await loadRefills(tx, sql`r.id = ${id}`);
      await notify(tx, [
        {
          orgId: p.org_id,
          accountId: p.prescriber_account_id,
          patientId,
          kind: 'medication_refill',
          titleZh: `${row!.patient_name} 申请续方`,
          titleEn: `${row!.patient_name} asks for a refill`,
          bodyZh: '患者申请续开长期处方，请查看并续方或说明原因。',
          bodyEn: 'The patient asks to renew a long-term prescription; renew it or give a reason.',
          link: `/refills?id=${id}`,
          dedupeKey: `refill:${id}`,
        },
      ]);
      return toRefill(row!, language);
    });
  }

  async listForPatient(ctx: RequestContext, patientId: string, language: Language) {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await loadRefills(tx, sql`r.patient_id = ${patientId}`);
      await recordAudit(tx, ctx, {
        action: 'refill_request.list',
        resourceType: 'refill_request',
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, count: rows.length },
      });
      return { items: rows.map((r) => toRefill(r, language)) };
    });
  }

  async listForPrescriber(ctx: RequestContext, language: Language) {
    const { actor } = ctx;
    if (actor.kind !== 'staff' || !hasRole(actor, 'doctor')) throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await loadRefills(
        tx,
        sql`r.org_id = ${actor.orgId} AND r.prescriber_account_id = ${actor.accountId}`,
      );
      for (const patientId of new Set(rows.map((r) => r.patient_id))) {
        await recordAudit(tx, ctx, {
          action: 'refill_request.list',
          resourceType: 'refill_request',
          patientId,
          orgId: actor.orgId,
          detail: { basis: 'prescriber' },
        });
      }
      return { items: rows.map((r) => toRefill(r, language)) };
    });
  }

  async decide(
    ctx: RequestContext,
    id: string,
    decision: { version: number } & ({ renewalPrescriptionId: string } | { reason: string }),
    language: Language,
  ): Promise<RefillRequest> {
    const { actor } = ctx;
    if (actor.kind !== 'staff' || !hasRole(actor, 'doctor')) throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const [row] = await loadRefills(tx, sql`r.id = ${id} AND r.org_id = ${actor.orgId}`);
      if (!row || row.prescriber_account_id !== actor.accountId) throw new AppError('REFILL_NOT_FOUND');
      const access = await requirePatientAccess(tx, actor, row.patient_id, 'view');
      if (row.status !== 'requested') throw new AppError('REFILL_NOT_ALLOWED');
      const renew = 'renewalPrescriptionId' in decision;
      if (renew) {
        const renewal = await tx
          .selectFrom('prescriptions')
          .select(['id'])
          .where('id', '=', decision.renewalPrescriptionId)
          .where('patient_id', '=', row.patient_id)
          .where('prescriber_account_id', '=', actor.accountId)
          .where('id', '<>', row.prescription_id)
          .where('created_at', '>=', row.created_at)
          .executeTakeFirst();
        if (!renewal) throw new AppError('REFILL_RENEWAL_INVALID');
      }
      const updated = await tx
        .updateTable('refill_requests')
        .set({
          status: renew ? 'renewed' : 'declined',
          renewal_prescription_id: renew ? decision.renewalPrescriptionId : null,
          decline_reason: renew ? null : decision.reason,
          decided_by: actor.accountId,
          decided_at: new Date(),
          version: sql`version + 1`,
        })
        .where('id', '=', row.id)
        .where('version', '=', decision.version)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
      await recordAudit(tx, ctx, {
        action: renew ? 'refill_request.renew' : 'refill_request.decline',
        resourceType: 'refill_request',
        resourceId: row.id,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { basis: access.basis },
      });
      const accounts = await patientAccounts(tx, row.patient_id);
      await notify(
        tx,
        accounts.map((accountId) => ({
          orgId: row.org_id,
          accountId,
          patientId: row.patient_id,
          kind: 'medication_refill' as const,
          titleZh: renew ? '医生已为您续方' : '续方申请未通过',
          titleEn: renew ? 'Your doctor renewed your prescription' : 'Your refill request was declined',
          bodyZh: renew ? '新处方审核通过后即可下单。' : '可在应用中查看医生说明的原因。',
          bodyEn: renew
            ? 'You can order it once the pharmacist approves it.'
            : "See the doctor's reason in the app.",
          link: '/pharmacy/prescriptions',
          dedupeKey: `refill:${row.id}:${renew ? 'renewed' : 'declined'}`,
        })),
      );
      const [after] = await loadRefills(tx, sql`r.id = ${row.id}`);
      return toRefill(after!, language);
    });
  }
}
