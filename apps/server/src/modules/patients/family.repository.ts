import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

const SUMMARY = ['p.id', 'p.org_id', 'p.mrn', 'p.name', 'p.sex', 'p.birth_date', 'p.phone_last4'] as const;
const GRANT = [
  'g.id',
  'g.patient_id',
  'p.name as patient_name',
  'a.display_name as grantee_name',
  'g.scopes',
  'g.expires_at',
  'g.created_at',
  'g.revoked_at',
] as const;

export const familyRepository = {
  async ownProfiles(db: Executor, accountId: string) {
    return db
      .selectFrom('patient_links as l')
      .innerJoin('patients as p', 'p.id', 'l.patient_id')
      .select([...SUMMARY, 'l.relationship'])
      .where('l.account_id', '=', accountId)
      .where('l.removed_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .orderBy('l.created_at')
      .execute();
  },

  async proxiedProfiles(db: Executor, accountId: string) {
    return db
      .selectFrom('proxy_grants as g')
      .innerJoin('patients as p', 'p.id', 'g.patient_id')
      .select([...SUMMARY, 'g.scopes', 'g.expires_at'])
      .where('g.grantee_account_id', '=', accountId)
      .where('g.revoked_at', 'is', null)
      .where('g.expires_at', '>', new Date())
      .where('p.deleted_at', 'is', null)
      .orderBy('g.created_at')
      .execute();
  },

  async defaultOrgId(db: Executor): Promise<string | undefined> {
    const row = await db.selectFrom('orgs').select('id').orderBy('created_at').limit(1).executeTakeFirst();
    return row?.id;
  },

  async link(
    db: Executor,
    input: { orgId: string; accountId: string; patientId: string; relationship: string },
  ) {
    await db
      .insertInto('patient_links')
      .values({
        id: uuidv7(),
        org_id: input.orgId,
        account_id: input.accountId,
        patient_id: input.patientId,
        relationship: input.relationship,
      })
      .execute();
  },

  async ownLink(db: Executor, accountId: string, patientId: string) {
    return db
      .selectFrom('patient_links')
      .select(['id', 'org_id', 'relationship'])
      .where('account_id', '=', accountId)
      .where('patient_id', '=', patientId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
  },

  async unlink(db: Executor, linkId: string) {
    await db.updateTable('patient_links').set({ removed_at: new Date() }).where('id', '=', linkId).execute();
  },

  async accountByEmail(db: Executor, email: string) {
    return db
      .selectFrom('accounts')
      .select(['id'])
      .where('email', '=', email)
      .where('active', '=', true)
      .executeTakeFirst();
  },

  async accountByPhoneBidx(db: Executor, bidx: string) {
    return db
      .selectFrom('accounts')
      .select(['id'])
      .where('phone_bidx', '=', bidx)
      .where('active', '=', true)
      .executeTakeFirst();
  },

  async insertGrant(
    db: Executor,
    row: {
      id: string;
      org_id: string;
      patient_id: string;
      grantee_account_id: string;
      scopes: string[];
      expires_at: string;
      created_by: string;
    },
  ) {
    await db.insertInto('proxy_grants').values(row).execute();
  },

  grantsQuery(db: Executor) {
    return db
      .selectFrom('proxy_grants as g')
      .innerJoin('patients as p', 'p.id', 'g.patient_id')
      .innerJoin('accounts as a', 'a.id', 'g.grantee_account_id')
      .select(GRANT);
  },

  async grantById(db: Executor, id: string) {
    return familyRepository.grantsQuery(db).where('g.id', '=', id).executeTakeFirst();
  },

  async grantsForPatient(db: Executor, patientId: string) {
    return familyRepository
      .grantsQuery(db)
      .where('g.patient_id', '=', patientId)
      .orderBy('g.created_at', 'desc')
      .limit(100)
      .execute();
  },

  async grantsForGrantee(db: Executor, accountId: string) {
    return familyRepository
      .grantsQuery(db)
      .where('g.grantee_account_id', '=', accountId)
      .where('g.revoked_at', 'is', null)
      .where('g.expires_at', '>', new Date())
      .orderBy('g.created_at', 'desc')
      .limit(100)
      .execute();
  },

  async revokeGrant(db: Executor, patientId: string, grantId: string): Promise<boolean> {
    const r = await db
      .updateTable('proxy_grants')
      .set({ revoked_at: new Date() })
      .where('id', '=', grantId)
      .where('patient_id', '=', patientId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
