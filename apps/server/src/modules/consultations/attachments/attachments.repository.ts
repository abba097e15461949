import type { Executor } from '../../../platform/db/database.ts';
import type { ConsultationAttachmentsTable } from '../../../platform/db/schema-consultations.ts';
import type { Insertable } from 'kysely';

export const attachmentsRepository = {
  async insert(db: Executor, row: Insertable<ConsultationAttachmentsTable>): Promise<void> {
    await db.insertInto('consultation_attachments').values(row).execute();
  },

  async find(db: Executor, consultationId: string, attachmentId: string) {
    return db
      .selectFrom('consultation_attachments')
      .select(['id', 'kind', 'content_type', 'file_name', 'storage_key'])
      .where('id', '=', attachmentId)
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
  },
};
