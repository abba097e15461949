import type { Executor } from '../../platform/db/database.ts';

const BREAK_GLASS = [
  'b.id',
  'b.patient_id',
  'p.name as patient_name',
  'b.staff_account_id',
  'a.display_name as staff_name',
  'b.reason',
  'b.created_at',
  'b.expires_at',
] as const;

export const careTeamRepository = {
  async members(db: Executor, orgId: string, patientId: string) {
    return db
      .selectFrom('care_team as c')
      .innerJoin('accounts as a', 'a.id', 'c.staff_account_id')
      .leftJoin('memberships as m', (j) =>
        j.onRef('m.account_id', '=', 'c.staff_account_id').onRef('m.org_id', '=', 'c.org_id'),
      )
      .leftJoin('departments as d', 'd.id', 'm.department_id')
      .select(['c.staff_account_id', 'a.display_name', 'c.role', 'd.name_zh', 'd.name_en', 'c.created_at'])
      .where('c.org_id', '=', orgId)
      .where('c.patient_id', '=', patientId)
      .where('c.removed_at', 'is', null)
      .orderBy('c.created_at')
      .execute();
  },

  async patientOrg(db: Executor, orgId: string, patientId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('patients')
      .select('org_id')
      .where('id', '=', patientId)
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.org_id;
  },

  async isActiveStaff(db: Executor, orgId: string, accountId: string): Promise<boolean> {
    const row = await db
      .selectFrom('memberships')
      .select('id')
      .where('org_id', '=', orgId)
      .where('account_id', '=', accountId)
      .where('active', '=', true)
      .executeTakeFirst();
    return !!row;
  },

  async add(
    db: Executor,
    input: { id: string; orgId: string; patientId: string; staffId: string; role: string; addedBy: string },
  ) {
    const r = await db
      .insertInto('care_team')
      .values({
        id: input.id,
        org_id: input.orgId,
        patient_id: input.patientId,
        staff_account_id: input.staffId,
        role: input.role,
        added_by: input.addedBy,
      })
      .onConflict((oc) =>
        oc.columns(['patient_id', 'staff_account_id']).where('removed_at', 'is', null).doNothing(),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  /** Several memberships in one INSERT; one already active is left as it is. */
  async addMany(
    db: Executor,
    inputs: readonly {
      id: string;
      orgId: string;
      patientId: string;
      staffId: string;
      role: string;
      addedBy: string;
    }[],
  ): Promise<void> {
    if (inputs.length === 0) return;
    await db
      .insertInto('care_team')
      .values(
        inputs.map((input) => ({
          id: input.id,
          org_id: input.orgId,
          patient_id: input.patientId,
          staff_account_id: input.staffId,
          role: input.role,
          added_by: input.addedBy,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['patient_id', 'staff_account_id']).where('removed_at', 'is', null).doNothing(),
      )
      .execute();
  },

  async remove(db: Executor, orgId: string, patientId: string, staffId: string): Promise<boolean> {
    const r = await db
      .updateTable('care_team')
      .set({ removed_at: new Date() })
      .where('org_id', '=', orgId)
      .where('patient_id', '=', patientId)
      .where('staff_account_id', '=', staffId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertBreakGlass(
    db: Executor,
    input: { id: string; orgId: string; patientId: string; staffId: string; reason: string; expiresAt: Date },
  ) {
    await db
      .insertInto('break_glass')
      .values({
        id: input.id,
        org_id: input.orgId,
        patient_id: input.patientId,
        staff_account_id: input.staffId,
        reason: input.reason,
        expires_at: input.expiresAt,
      })
      .execute();
  },

  breakGlassQuery(db: Executor) {
    return db
      .selectFrom('break_glass as b')
      .innerJoin('patients as p', 'p.id', 'b.patient_id')
      .innerJoin('accounts as a', 'a.id', 'b.staff_account_id')
      .select(BREAK_GLASS);
  },

  async breakGlassById(db: Executor, id: string) {
    return careTeamRepository.breakGlassQuery(db).where('b.id', '=', id).executeTakeFirst();
  },

  async recentBreakGlass(db: Executor, orgId: string, limit: number) {
    return careTeamRepository
      .breakGlassQuery(db)
      .where('b.org_id', '=', orgId)
      .orderBy('b.created_at', 'desc')
      .limit(limit)
      .execute();
  },
};
