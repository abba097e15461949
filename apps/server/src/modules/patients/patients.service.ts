import type { PatientInput, PatientProfile, PatientSummary, PatientUpdate } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { patientsRepository as repo, type PatientWrite } from './patients.repository.ts';
import { toProfile, toSummary, toWrite, validateIdentity } from './patient-mapper.ts';
import { readProfileAudited } from './profile-read.query.ts';
import { careTeamRepository } from './care-team.repository.ts';

const CARE_ROLE_FOR_CREATOR = {
  doctor: 'attending',
  nurse: 'nurse',
  health_manager: 'health_manager',
} as const;

export class PatientsService {
  constructor(private readonly deps: AppDeps) {}

  /**
   * Read one profile: the access basis is decided on the record and the read audited in the same statement
   * (the hottest route of the console, so it is one prepared round trip; the policy matches requirePatientAccess).
   */
  async get(ctx: RequestContext, patientId: string): Promise<PatientProfile> {
    const row = await readProfileAudited(this.deps.pool, {
      patientId,
      actor: ctx.actor,
      auditId: uuidv7(),
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    if (!row) throw new AppError('PATIENT_NOT_FOUND');
    if (!row.basis) throw new AppError(ctx.actor.kind === 'staff' ? 'ACCESS_DENIED' : 'PATIENT_NOT_FOUND');
    return { ...toProfile(row, this.deps.crypto), accessBasis: row.basis };
  }

  async search(
    ctx: RequestContext & { actor: StaffActor },
    query: { q?: string | undefined; careTeam: 'mine' | 'all'; limit: number; cursor?: string | undefined },
  ): Promise<{ items: PatientSummary[]; nextCursor: string | null }> {
    const { db, crypto } = this.deps;
    const q = query.q?.trim() || null;
    const looksLikeId = !!q && /^\d{17}[\dXx]$/.test(q);
    const looksLikePhone = !!q && /^\+?\d{7,15}$/.test(q);
    const lastFour = !!q && /^\d{4}$/.test(q) ? q : null;
    return db.transaction().execute(async (tx) => {
      const rows = await repo.searchInOrg(tx, {
        orgId: ctx.actor.orgId,
        staffId: ctx.actor.accountId,
        phoneBidx: looksLikePhone ? crypto.blindIndex('phone', q!) : null,
        idBidx: looksLikeId ? crypto.blindIndex('national_id', q!) : null,
        lastFour,
        text: looksLikeId || looksLikePhone || lastFour ? null : q,
        mineOnly: query.careTeam === 'mine',
        after: query.cursor ?? null,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      // The search terms may be names or numbers: the audit keeps the kind of search and the count, not the terms.
      await recordAudit(tx, ctx, {
        action: 'patient.search',
        resourceType: 'patient',
        detail: {
          kind: looksLikeId
            ? 'national_id'
            : looksLikePhone
              ? 'phone'
              : lastFour
                ? 'phone_last4'
                : q
                  ? 'name'
                  : 'list',
          results: page.length,
        },
      });
      return {
        items: page.map((r) =>
          toSummary({
            ...r,
            on_care_team: Boolean(r.on_care_team),
            care_relationship: Boolean(r.care_relationship),
          }),
        ),
        nextCursor: rows.length > query.limit ? (page.at(-1)?.mrn ?? null) : null,
      };
    });
  }

  /** Staff register a patient in their organization; a clinician who registers joins the care team. */
  async create(ctx: RequestContext & { actor: StaffActor }, input: PatientInput): Promise<PatientProfile> {
    const { db, crypto } = this.deps;
    const nationalId = validateIdentity(input);
    const id = uuidv7();
    const orgId = ctx.actor.orgId;
    return db.transaction().execute(async (tx) => {
      await this.insertPatient(tx, { id, orgId, createdBy: ctx.actor.accountId, input, nationalId });
      const careRole = ctx.actor.roles
        .map((r) => CARE_ROLE_FOR_CREATOR[r as keyof typeof CARE_ROLE_FOR_CREATOR])
        .find(Boolean);
      if (careRole) {
        await careTeamRepository.add(tx, {
          id: uuidv7(),
          orgId,
          patientId: id,
          staffId: ctx.actor.accountId,
          role: careRole,
          addedBy: ctx.actor.accountId,
        });
      }
      await recordAudit(tx, ctx, {
        action: 'patient.create',
        orgId,
        patientId: id,
        resourceType: 'patient',
        resourceId: id,
      });
      const row = await repo.findProfile(tx, orgId, id);
      return toProfile(row!, crypto);
    });
  }

  /** Shared by staff registration and a patient adding a family member. */
  async insertPatient(
    tx: Parameters<typeof repo.insert>[0],
    args: { id: string; orgId: string; createdBy: string; input: PatientInput; nationalId: string | null },
  ): Promise<void> {
    const { crypto } = this.deps;
    if (
      args.nationalId &&
      (await repo.nationalIdTaken(tx, args.orgId, crypto.blindIndex('national_id', args.nationalId), null))
    ) {
      throw new AppError('ALREADY_EXISTS', {
        errors: [{ path: 'nationalId', message: 'already_registered' }],
      });
    }
    const empty: Omit<PatientWrite, 'name' | 'name_search' | 'sex' | 'birth_date'> = {
      national_id_enc: null,
      national_id_bidx: null,
      phone_enc: null,
      phone_bidx: null,
      phone_last4: null,
      address_enc: null,
      emergency_contact_enc: null,
      insurance: null,
    };
    const write = { ...empty, ...toWrite(args.input, crypto, args.nationalId) } as PatientWrite;
    await repo.insert(tx, {
      ...write,
      id: args.id,
      org_id: args.orgId,
      created_by: args.createdBy,
    });
  }

  /**
   * Registers several patients in one INSERT (a chunk of a checkup import). The caller has looked their resident
   * IDs up already; the unique index still refuses a duplicate, failing the caller's transaction.
   */
  async insertPatients(
    tx: Parameters<typeof repo.insert>[0],
    rows: readonly {
      id: string;
      orgId: string;
      createdBy: string;
      input: PatientInput;
      nationalId: string | null;
    }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const { crypto } = this.deps;
    const empty: Omit<PatientWrite, 'name' | 'name_search' | 'sex' | 'birth_date'> = {
      national_id_enc: null,
      national_id_bidx: null,
      phone_enc: null,
      phone_bidx: null,
      phone_last4: null,
      address_enc: null,
      emergency_contact_enc: null,
      insurance: null,
    };
    await repo.insertMany(
      tx,
      rows.map((a) => ({
        ...({ ...empty, ...toWrite(a.input, crypto, a.nationalId) } as PatientWrite),
        id: a.id,
        org_id: a.orgId,
        created_by: a.createdBy,
      })),
    );
  }

  async update(ctx: RequestContext, patientId: string, input: PatientUpdate): Promise<PatientProfile> {
    const { db, crypto } = this.deps;
    return db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const current = await repo.findProfile(tx, access.orgId, patientId);
      if (!current) throw new AppError('PATIENT_NOT_FOUND');
      const { version, ...changes } = input;
      const nationalId = validateIdentity({
        nationalId: changes.nationalId,
        birthDate: changes.birthDate ?? current.birth_date,
        sex: changes.sex ?? current.sex,
      });
      if (
        nationalId &&
        (await repo.nationalIdTaken(
          tx,
          access.orgId,
          crypto.blindIndex('national_id', nationalId),
          patientId,
        ))
      ) {
        throw new AppError('ALREADY_EXISTS', {
          errors: [{ path: 'nationalId', message: 'already_registered' }],
        });
      }
      const updated = await repo.update(
        tx,
        access.orgId,
        patientId,
        version,
        toWrite(changes, crypto, nationalId),
      );
      if (!updated) {
        throw new AppError('VERSION_CONFLICT', { detail: `current version is ${current.version}` });
      }
      await recordAudit(tx, ctx, {
        action: 'patient.update',
        orgId: access.orgId,
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
        detail: { fields: Object.keys(changes), basis: access.basis },
      });
      return toProfile(updated, crypto);
    });
  }
}
