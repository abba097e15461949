// Whose report is it? The patient of the organization with the report's resident ID number (by blind index),
// else with its medical record number; else a new patient when the report names, sexes, dates and identifies the
// person (a valid resident ID that agrees with the birth date and sex). Otherwise the report is a row problem.
import { parseResidentId, Phone, type PatientInput } from '@careloop/contracts';
import type { ParsedPatientRef, RowProblem } from '@careloop/interop';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { careTeamRepository, PatientsService } from '../../patients/index.ts';
import { reportWriterRepository as repo } from './report-writer.repository.ts';

export type PatientMatch =
  | { ok: true; patientId: string; created: boolean; cacheKeys: string[] }
  | { ok: false; problem: Omit<RowProblem, 'rowNo'> };

const problem = (code: string, field: string, message: string, messageZh: string) => ({
  ok: false as const,
  problem: { code, field, message, messageZh },
});

export class ImportPatients {
  readonly #patients: PatientsService;
  /** Patients found or created earlier in this job, by `id:<blind index>` and `mrn:<MRN>`. */
  readonly #known = new Map<string, string>();

  constructor(private readonly deps: AppDeps) {
    this.#patients = new PatientsService(deps);
  }

  /** Called after the report's transaction committed, so a rolled-back new patient is never remembered. */
  remember(match: PatientMatch): void {
    if (match.ok) for (const key of match.cacheKeys) this.#known.set(key, match.patientId);
  }

  async resolve(
    tx: Tx,
    input: { orgId: string; importerId: string; jobId: string; ref: ParsedPatientRef },
  ): Promise<PatientMatch> {
    const { ref } = input;
    const rawId = ref.nationalId?.trim() || null;
    const parsedId = rawId ? parseResidentId(rawId) : null;
    const nationalId = parsedId?.ok ? parsedId.normalized : null;
    const bidx = nationalId ? this.deps.crypto.blindIndex('national_id', nationalId) : null;
    // Record numbers as sent, and upper-cased as this system writes its own (P1024 typed as p1024).
    const mrn = ref.mrn?.trim() || null;
    const mrns = mrn ? [...new Set([mrn, mrn.toUpperCase()])] : [];
    const keys = [...(bidx ? [`id:${bidx}`] : []), ...(mrn ? [`mrn:${mrn}`] : [])];

    for (const key of keys) {
      const known = this.#known.get(key);
      if (known) return { ok: true, patientId: known, created: false, cacheKeys: keys };
    }
    const found = await repo.findPatient(tx, { orgId: input.orgId, nationalIdBidx: bidx, mrns });
    if (found) return { ok: true, patientId: found, created: false, cacheKeys: keys };

    if (rawId && !nationalId) {
      return problem(
        'invalid_national_id',
        'nationalId',
        'The resident ID number is invalid, so the patient cannot be found or registered',
        '身份证号码无效，无法匹配或建档',
      );
    }
    const missing = [
      ...(ref.name?.trim() ? [] : ['name']),
      ...(ref.sex === 'male' || ref.sex === 'female' ? [] : ['sex']),
      ...(ref.birthDate ? [] : ['birthDate']),
      ...(nationalId ? [] : ['nationalId']),
    ];
    if (missing.length > 0) {
      return problem(
        'patient_not_found',
        missing.join(','),
        `No patient of this organization matches the report, and it lacks ${missing.join(', ')} to register one`,
        `本机构没有与该报告匹配的患者，且报告缺少建档所需的信息（${missing.join('、')}）`,
      );
    }
    return this.#register(tx, input, { nationalId: nationalId!, keys });
  }

  async #register(
    tx: Tx,
    input: { orgId: string; importerId: string; jobId: string; ref: ParsedPatientRef },
    known: { nationalId: string; keys: string[] },
  ): Promise<PatientMatch> {
    const { ref } = input;
    const phone = ref.phone ? Phone.safeParse(ref.phone) : null;
    const profile: PatientInput = {
      name: ref.name!.trim().slice(0, 60),
      sex: ref.sex!,
      birthDate: ref.birthDate!,
      nationalId: known.nationalId,
      ...(phone?.success ? { phone: phone.data } : {}),
    };
    const id = uuidv7();
    const parsed = parseResidentId(known.nationalId);
    if (parsed.ok && (parsed.birthDate !== profile.birthDate || parsed.sex !== profile.sex)) {
      return problem(
        'patient_identity_mismatch',
        parsed.birthDate !== profile.birthDate ? 'birthDate' : 'sex',
        'The birth date or sex does not agree with the resident ID number; the patient was not registered',
        '出生日期或性别与身份证号码不一致，未建档',
      );
    }
    try {
      await this.#patients.insertPatient(tx, {
        id,
        orgId: input.orgId,
        createdBy: input.importerId,
        input: profile,
        nationalId: known.nationalId,
      });
    } catch (error) {
      if (error instanceof AppError) {
        return problem(
          'patient_not_registered',
          'nationalId',
          'The patient could not be registered from this report',
          '无法根据该报告为患者建档',
        );
      }
      throw error;
    }
    // The health manager who imported the report follows the new patient up, and so can open the record.
    await careTeamRepository.add(tx, {
      id: uuidv7(),
      orgId: input.orgId,
      patientId: id,
      staffId: input.importerId,
      role: 'health_manager',
      addedBy: input.importerId,
    });
    await recordAudit(tx, null, {
      action: 'patient.create',
      orgId: input.orgId,
      patientId: id,
      actorAccountId: input.importerId,
      resourceType: 'patient',
      resourceId: id,
      reason: 'checkup_import',
      detail: { importJobId: input.jobId, careTeamRole: 'health_manager' },
    });
    return { ok: true, patientId: id, created: true, cacheKeys: known.keys };
  }
}
