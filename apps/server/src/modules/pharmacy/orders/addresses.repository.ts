import type { Executor } from '../../../platform/db/database.ts';

const COLUMNS = [
  'id',
  'patient_id',
  'label',
  'recipient_enc',
  'phone_enc',
  'address_enc',
  'is_default',
  'version',
] as const;

export const addressesRepository = {
  async list(db: Executor, patientId: string) {
    return db
      .selectFrom('patient_addresses')
      .select(COLUMNS)
      .where('patient_id', '=', patientId)
      .where('deleted_at', 'is', null)
      .orderBy('is_default', 'desc')
      .orderBy('created_at')
      .execute();
  },

  async find(db: Executor, patientId: string, id: string) {
    return db
      .selectFrom('patient_addresses')
      .select(COLUMNS)
      .where('id', '=', id)
      .where('patient_id', '=', patientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async insert(
    db: Executor,
    row: {
      id: string;
      org_id: string;
      patient_id: string;
      label: string | null;
      recipient_enc: string;
      phone_enc: string;
      address_enc: string;
      is_default: boolean;
    },
  ) {
    if (row.is_default) await this.clearDefault(db, row.patient_id);
    await db.insertInto('patient_addresses').values(row).execute();
  },

  async clearDefault(db: Executor, patientId: string) {
    await db
      .updateTable('patient_addresses')
      .set({ is_default: false })
      .where('patient_id', '=', patientId)
      .where('is_default', '=', true)
      .execute();
  },

  async remove(db: Executor, patientId: string, id: string): Promise<boolean> {
    const result = await db
      .updateTable('patient_addresses')
      .set({ deleted_at: new Date(), is_default: false })
      .where('id', '=', id)
      .where('patient_id', '=', patientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
