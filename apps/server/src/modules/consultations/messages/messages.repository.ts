import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';

export interface MessageRow {
  id: string;
  consultation_id: string;
  seq: string;
  client_id: string | null;
  sender_account_id: string | null;
  sender_name: string | null;
  sender_role: 'patient' | 'doctor' | 'guest' | 'system';
  kind: 'text' | 'image' | 'voice' | 'file' | 'event';
  body: string | null;
  event: Record<string, unknown> | null;
  created_at: Date;
  attachment_id: string | null;
  a_kind: 'image' | 'voice' | 'file' | null;
  a_content_type: string | null;
  a_size: number | null;
  a_name: string | null;
  a_duration: number | null;
}

const SELECT = sql`
  SELECT m.id, m.consultation_id, m.seq, m.client_id, m.sender_account_id, s.display_name AS sender_name,
         m.sender_role, m.kind, m.body, m.event, m.created_at, m.attachment_id,
         at.kind AS a_kind, at.content_type AS a_content_type, at.size_bytes AS a_size, at.file_name AS a_name,
         at.duration_ms AS a_duration
    FROM consultation_messages m
    LEFT JOIN accounts s ON s.id = m.sender_account_id
    LEFT JOIN consultation_attachments at ON at.id = m.attachment_id`;

export interface NewMessage {
  orgId: string;
  consultationId: string;
  clientId: string | null;
  senderAccountId: string | null;
  senderRole: MessageRow['sender_role'];
  kind: MessageRow['kind'];
  body: string | null;
  attachmentId: string | null;
  event: Record<string, unknown> | null;
}

/** What a message shows of its attachment. */
export interface OwnAttachment {
  kind: 'image' | 'voice' | 'file';
  content_type: string;
  size_bytes: number;
  file_name: string | null;
  duration_ms: number | null;
}

export const messagesRepository = {
  /**
   * Numbers and stores one message in the caller's transaction: the consultation's counter is bumped (which
   * also serializes messages of one consultation), and a resend of a stored client id is refused by the unique
   * index, so the caller rolls back and returns the stored one. Returns the new row's id and number.
   */
  async insert(
    tx: Executor,
    m: NewMessage,
    activate: boolean,
  ): Promise<{ id: string; seq: string; at: Date }> {
    const id = uuidv7();
    const result = await sql<{ seq: string; at: Date }>`
      WITH bumped AS (
        UPDATE consultations
           SET last_seq = last_seq + 1, last_message_at = now()
               ${activate ? sql`, status = 'active', version = version + 1` : sql``}
         WHERE id = ${m.consultationId}
        RETURNING last_seq, last_message_at)
      INSERT INTO consultation_messages
        (id, org_id, consultation_id, seq, client_id, sender_account_id, sender_role, kind, body, attachment_id, event, created_at)
      SELECT ${id}, ${m.orgId}, ${m.consultationId}, b.last_seq, ${m.clientId}, ${m.senderAccountId}, ${m.senderRole},
             ${m.kind}, ${m.body}, ${m.attachmentId}, ${m.event ? JSON.stringify(m.event) : null}::jsonb, b.last_message_at
        FROM bumped b
      RETURNING seq, created_at AS at`.execute(tx);
    const row = result.rows[0];
    if (!row) throw new Error('consultation vanished while storing a message');
    return { id, seq: row.seq, at: row.at };
  },

  /**
   * A participant's message, numbered and stored as `insert` does, with the sender's own delivered and read marks
   * moved up to it in the same statement: the send path's one write round trip (the hot path of the chat).
   */
  async insertOwn(
    tx: Executor,
    m: NewMessage & { senderAccountId: string },
    activate: boolean,
  ): Promise<{ id: string; seq: string; at: Date }> {
    const id = uuidv7();
    const result = await sql<{ seq: string; at: Date }>`
      WITH bumped AS (
        UPDATE consultations
           SET last_seq = last_seq + 1, last_message_at = now()
               ${activate ? sql`, status = 'active', version = version + 1` : sql``}
         WHERE id = ${m.consultationId}
        RETURNING last_seq, last_message_at),
      stored AS (
        INSERT INTO consultation_messages
          (id, org_id, consultation_id, seq, client_id, sender_account_id, sender_role, kind, body, attachment_id, event, created_at)
        SELECT ${id}, ${m.orgId}, ${m.consultationId}, b.last_seq, ${m.clientId}, ${m.senderAccountId}, ${m.senderRole},
               ${m.kind}, ${m.body}, ${m.attachmentId}, NULL, b.last_message_at
          FROM bumped b
        RETURNING seq, created_at),
      marked AS (
        UPDATE consultation_participants cp
           SET last_delivered_seq = GREATEST(cp.last_delivered_seq, s.seq),
               last_read_seq = GREATEST(cp.last_read_seq, s.seq)
          FROM stored s
         WHERE cp.consultation_id = ${m.consultationId} AND cp.account_id = ${m.senderAccountId})
      SELECT seq, created_at AS at FROM stored`.execute(tx);
    const row = result.rows[0];
    if (!row) throw new Error('consultation vanished while storing a message');
    return { id, seq: row.seq, at: row.at };
  },

  /** An attachment of the consultation uploaded by `uploader` (the only one who may send it), or undefined. */
  async ownAttachment(
    db: Executor,
    consultationId: string,
    attachmentId: string,
    uploader: string,
  ): Promise<OwnAttachment | undefined> {
    return db
      .selectFrom('consultation_attachments')
      .select(['kind', 'content_type', 'size_bytes', 'file_name', 'duration_ms'])
      .where('id', '=', attachmentId)
      .where('consultation_id', '=', consultationId)
      .where('uploaded_by', '=', uploader)
      .executeTakeFirst();
  },

  async byClientId(db: Executor, consultationId: string, sender: string, clientId: string) {
    const result = await sql<MessageRow>`${SELECT}
      WHERE m.consultation_id = ${consultationId} AND m.sender_account_id = ${sender} AND m.client_id = ${clientId}`.execute(
      db,
    );
    return result.rows[0];
  },

  async byId(db: Executor, id: string) {
    const result = await sql<MessageRow>`${SELECT} WHERE m.id = ${id}`.execute(db);
    return result.rows[0];
  },

  async after(db: Executor, consultationId: string, after: number, limit: number) {
    const result = await sql<MessageRow>`${SELECT}
      WHERE m.consultation_id = ${consultationId} AND m.seq > ${after}
      ORDER BY m.seq ASC LIMIT ${limit + 1}`.execute(db);
    return result.rows;
  },

  async before(db: Executor, consultationId: string, before: number, limit: number) {
    const result = await sql<MessageRow>`${SELECT}
      WHERE m.consultation_id = ${consultationId} AND m.seq < ${before}
      ORDER BY m.seq DESC LIMIT ${limit + 1}`.execute(db);
    return result.rows;
  },

  /**
   * Moves a participant's receipts forward (never back, never past the last message). Returns the new values
   * when they moved.
   */
  async advanceReceipts(
    db: Executor,
    consultationId: string,
    accountId: string,
    delivered: number | undefined,
    read: number | undefined,
  ): Promise<{ delivered: string; read: string } | undefined> {
    const d = Math.max(delivered ?? 0, read ?? 0);
    const r = read ?? 0;
    const result = await sql<{ delivered: string; read: string }>`
      UPDATE consultation_participants cp
         SET last_delivered_seq = GREATEST(cp.last_delivered_seq, LEAST(${d}, c.last_seq)),
             last_read_seq = GREATEST(cp.last_read_seq, LEAST(${r}, c.last_seq))
        FROM consultations c
       WHERE c.id = cp.consultation_id AND cp.consultation_id = ${consultationId} AND cp.account_id = ${accountId}
         AND (cp.last_delivered_seq < LEAST(${d}, c.last_seq) OR cp.last_read_seq < LEAST(${r}, c.last_seq))
      RETURNING cp.last_delivered_seq AS delivered, cp.last_read_seq AS read`.execute(db);
    return result.rows[0];
  },

  /** Who to tell of an unread message, and in which app: the consultation's org, patient and doctor. */
  async noticeTarget(db: Executor, consultationId: string, recipientId: string) {
    return db
      .selectFrom('consultations as c')
      .leftJoin('accounts as d', 'd.id', 'c.doctor_account_id')
      .innerJoin('accounts as r', (j) => j.on('r.id', '=', recipientId))
      .select(['c.org_id', 'c.patient_id', 'd.display_name as doctor', 'r.kind as recipient_kind'])
      .where('c.id', '=', consultationId)
      .executeTakeFirst();
  },

  async receiptsOf(db: Executor, consultationId: string, accountId: string) {
    return db
      .selectFrom('consultation_participants')
      .select(['last_delivered_seq', 'last_read_seq'])
      .where('consultation_id', '=', consultationId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
  },
};
