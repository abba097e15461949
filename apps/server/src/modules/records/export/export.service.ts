import {
  RECORD_EXPORT_SCHEMA_VERSION,
  type Allergy,
  type Condition,
  type Encounter,
  type FamilyHistoryEntry,
  type MedicationStatement,
  type Procedure,
  type RecordExport,
} from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { requirePatientAccess, type PatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { renderRecordExportPdf } from '../../../platform/pdf/index.ts';
import {
  ALLERGIES,
  CONDITIONS,
  ENCOUNTERS,
  FAMILY_HISTORY,
  MEDICATIONS,
  PROCEDURES,
  type EntryKind,
} from '../entries/entry-kinds.ts';
import { entriesRepository } from '../entries/entries.repository.ts';
import { toEntry } from '../entries/entries.service.ts';
import { lifestyleRepository } from '../lifestyle/lifestyle.repository.ts';
import { toLifestyle } from '../lifestyle/lifestyle.service.ts';
import { toObservation } from '../observations/observation-mapper.ts';
import { documentsRepository } from '../documents/documents.repository.ts';
import { toDocument } from '../documents/documents.service.ts';
import { exportRepository as repo, type ExportPatientRow } from './export.repository.ts';
import { toRecordExportView } from './export-pdf-view.ts';

const EVERYTHING = 1_000_000;

/** The whole record of one patient, for the patient to take away (JSON for machines, PDF for people). */
export class ExportService {
  constructor(private readonly deps: AppDeps) {}

  async json(ctx: RequestContext, patientId: string, language: Language): Promise<RecordExport> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const { record } = await this.collect(tx, access, language);
      await this.audit(tx, ctx, access, 'record.export.json', record);
      return record;
    });
  }

  /** The data is read and audited in one transaction; the PDF is drawn after it, holding no connection. */
  async pdf(ctx: RequestContext, patientId: string, language: Language): Promise<Buffer> {
    const { record, patient } = await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const collected = await this.collect(tx, access, language);
      await this.audit(tx, ctx, access, 'record.export.pdf', collected.record);
      return collected;
    });
    return renderRecordExportPdf(
      toRecordExportView(record, {
        language,
        organizationName: language === 'zh-CN' ? patient.org_name_zh : patient.org_name_en,
        timeZone: patient.time_zone,
        nationalId: this.deps.crypto.decryptNullable(patient.national_id_enc),
      }),
    );
  }

  private async collect(
    tx: Executor,
    access: PatientAccess,
    language: Language,
  ): Promise<{ record: RecordExport; patient: ExportPatientRow }> {
    const scope = { orgId: access.orgId, patientId: access.patientId };
    const patient = await repo.patient(tx, scope);
    if (!patient) throw new AppError('PATIENT_NOT_FOUND');
    const entries = async <T>(kind: EntryKind) =>
      (await entriesRepository.list(tx, kind, { ...scope, activeOnly: false })).map(
        (r) => toEntry(kind, r) as T,
      );
    const record: RecordExport = {
      schemaVersion: RECORD_EXPORT_SCHEMA_VERSION,
      generatedAt: new Date().toISOString(),
      patient: { id: patient.id, name: patient.name, sex: patient.sex, birthDate: patient.birth_date },
      conditions: await entries<Condition>(CONDITIONS),
      allergies: await entries<Allergy>(ALLERGIES),
      medications: await entries<MedicationStatement>(MEDICATIONS),
      procedures: await entries<Procedure>(PROCEDURES),
      familyHistory: await entries<FamilyHistoryEntry>(FAMILY_HISTORY),
      encounters: await entries<Encounter>(ENCOUNTERS),
      lifestyle: (await lifestyleRepository.history(tx, { ...scope, limit: EVERYTHING })).map(toLifestyle),
      observations: (await repo.observations(tx, scope)).map((r) => toObservation(r, language)),
      documents: (await documentsRepository.listPage(tx, { ...scope, before: null, limit: EVERYTHING })).map(
        toDocument,
      ),
      checkups: (await repo.checkups(tx, scope)).map((c) => ({
        id: c.id,
        performedAt: c.performed_at.toISOString(),
        center: c.center,
        packageName: c.package_name,
        reportNo: c.external_id,
        itemCount: c.item_count,
        abnormalCount: c.abnormal_count,
      })),
    };
    return { record, patient };
  }

  private async audit(
    tx: Executor,
    ctx: RequestContext,
    access: PatientAccess,
    action: string,
    record: RecordExport,
  ): Promise<void> {
    await recordAudit(tx, ctx, {
      action,
      orgId: access.orgId,
      patientId: access.patientId,
      resourceType: 'record',
      resourceId: access.patientId,
      reason: access.basis === 'break_glass' ? 'break-glass' : null,
      detail: {
        basis: access.basis,
        observations: record.observations.length,
        documents: record.documents.length,
      },
    });
  }
}
