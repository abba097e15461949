// Whose report is it? The patient of the organization with the report's resident ID number (by blind index),
// else with its medical record number; else a new patient when the report names, sexes, dates and identifies the
// person (a valid resident ID that agrees with the birth date and sex). Otherwise the report is a row problem.
import { parseResidentId, Phone, type PatientInput } from '@careloop/contracts';
import type { ParsedPatientRef, RowProblem } from '@careloop/interop';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { AuditEntry } from '../../../platform/audit/audit-log.ts';
import { careTeamRepository, PatientsService } from '../../patients/index.ts';
import { reportWriterRepository as repo } from './report-writer.repository.ts';

export type PatientMatch =
  | {
      ok: true;
      patientId: string;
      created: boolean;
      cacheKeys: string[];
      /** For a patient registered from the report: the audit entry the caller records with the chunk's. */
      audit?: AuditEntry;
    }
  | { ok: false; problem: Omit<RowProblem, 'rowNo'> };

const problem = (code: string, field: string, message: string, messageZh: string) => ({
  ok: false as const,
  problem: { code, field, message, messageZh },
});

export class ImportPatients {
  readonly #patients: PatientsService;
  /** Patients found or created earlier in this job, by `id:<blind index>` and `mrn:<MRN>` (as sent and upper-cased). */
  readonly #known = new Map<string, string>();
  /** Keys looked up and not found: no second query for a patient about to be registered. */
  readonly #absent = new Set<string>();
  /** Patients to register in a transaction, written together by flush(). */
  readonly #pending = new WeakMap<
    Tx,
    { id: string; orgId: string; createdBy: string; input: PatientInput; nationalId: string }[]
  >();
  /** Patients registered in a transaction not committed yet (a chunk may hold several reports of one person). */
  readonly #registeredIn = new WeakMap<Tx, Map<string, string>>();

  constructor(private readonly deps: AppDeps) {
    this.#patients = new PatientsService(deps);
  }

  /** Called after the report's transaction committed, so a rolled-back new patient is never remembered. */
  remember(match: PatientMatch): void {
    if (!match.ok) return;
    for (const key of match.cacheKeys) {
      this.#known.set(key, match.patientId);
      this.#absent.delete(key);
    }
  }

  /** Looks up the patients of a chunk of reports in one query (those not known yet), before they are placed. */
  async prefetch(tx: Tx, orgId: string, refs: readonly ParsedPatientRef[]): Promise<void> {
    const keys = refs
      .map((ref) => this.#keys(ref))
      .filter((k) => !k.cacheKeys.some((c) => this.#known.has(c)));
    const bidxs = keys.flatMap((k) => (k.bidx ? [k.bidx] : []));
    const mrns = keys.flatMap((k) => k.mrns);
    if (bidxs.length === 0 && mrns.length === 0) return;
    for (const found of await repo.findPatients(tx, { orgId, nationalIdBidxs: bidxs, mrns })) {
      if (found.national_id_bidx) this.#known.set(`id:${found.national_id_bidx}`, found.id);
      this.#known.set(`mrn:${found.mrn}`, found.id);
      this.#known.set(`mrn:${found.mrn.toUpperCase()}`, found.id);
    }
    for (const key of keys.flatMap((k) => k.cacheKeys)) if (!this.#known.has(key)) this.#absent.add(key);
  }

  /** The identifiers a report gives for its patient, and the cache keys they stand for. */
  #keys(ref: ParsedPatientRef) {
    const rawId = ref.nationalId?.trim() || null;
    const parsedId = rawId ? parseResidentId(rawId) : null;
    const nationalId = parsedId?.ok ? parsedId.normalized : null;
    const bidx = nationalId ? this.deps.crypto.blindIndex('national_id', nationalId) : null;
    // Record numbers as sent, and upper-cased as this system writes its own (P1024 typed as p1024).
    const mrn = ref.mrn?.trim() || null;
    const mrns = mrn ? [...new Set([mrn, mrn.toUpperCase()])] : [];
    const cacheKeys = [...(bidx ? [`id:${bidx}`] : []), ...mrns.map((m) => `mrn:${m}`)];
    return { rawId, nationalId, bidx, mrns, cacheKeys };
  }

  /**
   * Writes the patients the chunk registered: one INSERT for the patients and one for their care team (the health
   * manager who imported the reports follows them up, and so can open the records).
   */
  async flush(tx: Tx): Promise<void> {
    const pending = this.#pending.get(tx) ?? [];
    if (pending.length === 0) return;
    this.#pending.delete(tx);
    await this.#patients.insertPatients(tx, pending);
    await careTeamRepository.addMany(
      tx,
      pending.map((p) => ({
        id: uuidv7(),
        orgId: p.orgId,
        patientId: p.id,
        staffId: p.createdBy,
        role: 'health_manager',
        addedBy: p.createdBy,
      })),
    );
  }

  async resolve(
    tx: Tx,
    input: { orgId: string; importerId: string; jobId: string; ref: ParsedPatientRef },
  ): Promise<PatientMatch> {
    const { ref } = input;
    const { rawId, nationalId, bidx, mrns, cacheKeys: keys } = this.#keys(ref);
    const registered = this.#registeredIn.get(tx);
    for (const key of keys) {
      const known = this.#known.get(key) ?? registered?.get(key);
      if (known) return { ok: true, patientId: known, created: false, cacheKeys: keys };
    }
    const lookedUp = keys.length > 0 && keys.every((key) => this.#absent.has(key));
    const found = lookedUp
      ? undefined
      : await repo.findPatient(tx, { orgId: input.orgId, nationalIdBidx: bidx, mrns });
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
    // Registered with the rest of the chunk in one INSERT (flush), before the chunk's reports are written.
    const pending = this.#pending.get(tx) ?? [];
    pending.push({
      id,
      orgId: input.orgId,
      createdBy: input.importerId,
      input: profile,
      nationalId: known.nationalId,
    });
    this.#pending.set(tx, pending);
    const audit: AuditEntry = {
      action: 'patient.create',
      orgId: input.orgId,
      patientId: id,
      actorAccountId: input.importerId,
      resourceType: 'patient',
      resourceId: id,
      reason: 'checkup_import',
      detail: { importJobId: input.jobId, careTeamRole: 'health_manager' },
    };
    const registered = this.#registeredIn.get(tx) ?? new Map<string, string>();
    for (const key of known.keys) registered.set(key, id);
    this.#registeredIn.set(tx, registered);
    return { ok: true, patientId: id, created: true, cacheKeys: known.keys, audit };
  }
}
