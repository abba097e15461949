import type { ReferralRecord, ReferralSection } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { referralsRepository as repo } from './referrals.repository.ts';
import { isReceiver, mayReadRecord } from './referral-access.ts';
import { sharedRecordRepository as shared, type RecordScope } from './shared-record.repository.ts';

/**
 * The record parts a referral shares, read by its receiver. This is the only way a receiver reaches the patient's
 * record: patient access (requirePatientAccess) gives them nothing. Every call checks again that the caller receives
 * the referral and that the patient's consent stands, returns exactly the consented sections, and audits the read
 * with the referral as its reason, in one transaction.
 */
export class SharedRecordService {
  constructor(private readonly deps: AppDeps) {}

  async read(ctx: RequestContext, referralId: string): Promise<ReferralRecord> {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.load(tx, referralId);
      if (!row || !isReceiver(row, ctx.actor)) throw new AppError('REFERRAL_NOT_FOUND');
      if (!mayReadRecord(row, ctx.actor)) throw new AppError('REFERRAL_NO_CONSENT');
      const scope: RecordScope = {
        orgId: row.org_id,
        patientId: row.patient_id,
        from: row.window_from,
        to: row.window_to,
      };
      const patient = await shared.patient(tx, scope);
      if (!patient) throw new AppError('REFERRAL_NOT_FOUND');
      const sections = row.sections as ReferralSection[];
      const has = (s: ReferralSection) => sections.includes(s);
      const out: ReferralRecord = {
        referralId,
        patient: { name: patient.name, sex: patient.sex, birthDate: patient.birth_date },
        sections,
        windowFrom: row.window_from,
        windowTo: row.window_to,
      };
      if (has('problems'))
        out.problems = (await shared.problems(tx, scope)).map((c) => ({
          icd10: c.icd10,
          display: c.display,
          clinicalStatus: c.clinical_status,
          onsetDate: c.onset_date,
        }));
      if (has('medications'))
        out.medications = (await shared.medications(tx, scope)).map((m) => ({
          name: m.name,
          dose: m.dose,
          route: m.route,
          frequency: m.frequency,
          startedOn: m.started_on,
        }));
      if (has('allergies'))
        out.allergies = (await shared.allergies(tx, scope)).map((a) => ({
          substance: a.substance,
          category: a.category,
          reaction: a.reaction,
          severity: a.severity,
        }));
      if (has('observations'))
        out.observations = (await shared.observations(tx, scope)).map((o) => ({
          code: o.code,
          name: o.name,
          value: o.value_num !== null ? String(o.value_num) : (o.value_text ?? ''),
          unit: o.unit,
          flag: o.flag,
          effectiveAt: o.effective_at.toISOString(),
        }));
      if (has('encounters'))
        out.encounters = (await shared.encounters(tx, scope)).map((e) => ({
          kind: e.kind,
          startedAt: e.started_at.toISOString(),
          department: e.department,
          practitioner: e.practitioner,
          reason: e.reason,
          summary: e.summary,
        }));
      if (has('documents'))
        out.documents = (await shared.documents(tx, scope)).map((d) => ({
          kind: d.kind,
          title: d.title,
          contentType: d.content_type,
          sizeBytes: d.size_bytes,
          documentDate: d.document_date,
        }));
      await recordAudit(tx, ctx, {
        action: 'referral.record.read',
        resourceType: 'referral',
        resourceId: referralId,
        patientId: row.patient_id,
        orgId: row.org_id,
        reason: `referral:${referralId}`,
        detail: { sections, receiverOrg: row.target_org_id },
      });
      return out;
    });
  }
}
