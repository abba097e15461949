import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { staffCareSql } from '../../platform/access/patient-access.ts';

export const PROFILE_COLUMNS = [
  'p.id',
  'p.org_id',
  'p.mrn',
  'p.name',
  'p.sex',
  'p.birth_date',
  'p.national_id_enc',
  'p.phone_enc',
  'p.phone_last4',
  'p.address_enc',
  'p.emergency_contact_enc',
  'p.insurance',
  'p.created_at',
  'p.updated_at',
  'p.version',
] as const;

export type PatientRow = {
  id: string;
  org_id: string;
  mrn: string;
  name: string;
  sex: 'male' | 'female' | 'other' | 'unknown';
  birth_date: string;
  national_id_enc: string | null;
  phone_enc: string | null;
  phone_last4: string | null;
  address_enc: string | null;
  emergency_contact_enc: string | null;
  insurance: unknown;
  created_at: Date;
  updated_at: Date;
  version: number;
};

export interface PatientWrite {
  name: string;
  name_search: string;
  sex: 'male' | 'female' | 'other' | 'unknown';
  birth_date: string;
  national_id_enc: string | null;
  national_id_bidx: string | null;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_last4: string | null;
  address_enc: string | null;
  emergency_contact_enc: string | null;
  insurance: string | null;
}

export const patientsRepository = {
  async findProfile(db: Executor, orgId: string, patientId: string): Promise<PatientRow | undefined> {
    return db
      .selectFrom('patients as p')
      .select(PROFILE_COLUMNS)
      .where('p.id', '=', patientId)
      .where('p.org_id', '=', orgId)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async nationalIdTaken(
    db: Executor,
    orgId: string,
    bidx: string,
    exceptId: string | null,
  ): Promise<boolean> {
    let q = db
      .selectFrom('patients')
      .select('id')
      .where('org_id', '=', orgId)
      .where('national_id_bidx', '=', bidx)
      .where('deleted_at', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  },

  async insert(db: Executor, input: PatientWrite & { id: string; org_id: string; created_by: string }) {
    await db
      .insertInto('patients')
      .values({ ...input, mrn: sql<string>`'P' || nextval('patient_mrn_seq')::text` })
      .execute();
  },

  async insertMany(
    db: Executor,
    rows: readonly (PatientWrite & { id: string; org_id: string; created_by: string })[],
  ) {
    if (rows.length === 0) return;
    await db
      .insertInto('patients')
      .values(rows.map((r) => ({ ...r, mrn: sql<string>`'P' || nextval('patient_mrn_seq')::text` })))
      .execute();
  },

  /** Updates only when the version still matches; returns the new row or undefined on a stale version. */
  async update(db: Executor, orgId: string, id: string, version: number, changes: Partial<PatientWrite>) {
    return db
      .updateTable('patients as p')
      .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
      .where('p.id', '=', id)
      .where('p.org_id', '=', orgId)
      .where('p.version', '=', version)
      .returning(PROFILE_COLUMNS)
      .executeTakeFirst() as Promise<PatientRow | undefined>;
  },

  /** Staff search inside one organization: exact phone or ID by blind index, otherwise name prefix/contains. */
  async searchInOrg(
    db: Executor,
    input: {
      orgId: string;
      staffId: string;
      phoneBidx: string | null;
      idBidx: string | null;
      lastFour?: string | null;
      text: string | null;
      mineOnly: boolean;
      after: string | null;
      limit: number;
    },
  ) {
    let q = db
      .selectFrom('patients as p')
      .select(['p.id', 'p.mrn', 'p.name', 'p.sex', 'p.birth_date', 'p.phone_last4'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('care_team as c')
              .select('c.id')
              .whereRef('c.patient_id', '=', 'p.id')
              .where('c.staff_account_id', '=', input.staffId)
              .where('c.removed_at', 'is', null),
          )
          .as('on_care_team'),
      )
      // Any care relationship (the team, a consultation, an appointment): the record opens without break-glass.
      .select(
        sql<boolean>`(SELECT ${sql.raw(staffCareSql('p', 'me.id'))} FROM (SELECT ${input.staffId}::uuid AS id) me)`.as(
          'care_relationship',
        ),
      )
      .where('p.org_id', '=', input.orgId)
      .where('p.deleted_at', 'is', null);
    if (input.lastFour) {
      // The desk's habit: the last 4 digits of the phone (stored in clear beside the encrypted number).
      q = q.where('p.phone_last4', '=', input.lastFour);
    } else if (input.phoneBidx || input.idBidx) {
      q = q.where((eb) =>
        eb.or([
          eb('p.phone_bidx', '=', input.phoneBidx ?? '-'),
          eb('p.national_id_bidx', '=', input.idBidx ?? '-'),
        ]),
      );
    } else if (input.text) {
      const like = `%${input.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([eb('p.name_search', 'like', like), eb('p.mrn', '=', input.text!.toUpperCase())]),
      );
    }
    if (input.mineOnly) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('care_team as c')
            .select('c.id')
            .whereRef('c.patient_id', '=', 'p.id')
            .where('c.staff_account_id', '=', input.staffId)
            .where('c.removed_at', 'is', null),
        ),
      );
    }
    // Medical record numbers grow with registration; ordering by (length, value) keeps P999999 before P1000000.
    if (input.after) {
      const after = input.after;
      q = q.where(sql<boolean>`(length(p.mrn), p.mrn) > (length(${after}::text), ${after}::text)`);
    }
    return q
      .orderBy(sql`length(p.mrn)`)
      .orderBy('p.mrn')
      .limit(input.limit + 1)
      .execute();
  },
};
