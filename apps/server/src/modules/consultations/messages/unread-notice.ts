import { z } from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { jobsInTransaction } from '../../../platform/jobs/in-transaction.ts';
import { notify } from '../../notifications/index.ts';
import type { ConsultationCore } from '../consultations.repository.ts';
import { messagesRepository as repo } from './messages.repository.ts';

/** How long a message may stay undelivered before its recipient is notified outside the app. */
export const UNREAD_NOTICE_DELAY_SECONDS = 20;

const UnreadNotice = z.object({ consultationId: z.uuid(), accountId: z.uuid(), seq: z.number().int() });
type UnreadNotice = z.infer<typeof UnreadNotice>;

/**
 * Queues, in the message's own transaction, one check per recipient who had everything delivered before this
 * message (the first of an unread run): if the message has still not reached any of their devices when the check
 * runs, they get one notification (inbox, push, and their other channels). Later messages of the same run queue
 * nothing, so an offline person is told once, not once per message.
 */
export async function queueUnreadNotice(
  tx: Tx,
  deps: AppDeps,
  row: ConsultationCore,
  senderId: string,
  seq: number,
): Promise<void> {
  for (const p of row.participants) {
    if (p.accountId === senderId || Number(p.delivered) < seq - 1) continue;
    const data: UnreadNotice = { consultationId: row.id, accountId: p.accountId, seq };
    if (deps.jobs) {
      await deps.jobs.send(unreadNoticeJob(deps), data, {
        db: jobsInTransaction(tx),
        startAfter: UNREAD_NOTICE_DELAY_SECONDS,
        retryLimit: 3,
      });
    }
  }
}

/** The check itself: notify when the message is still undelivered to that person. */
export async function deliverUnreadNotice(deps: AppDeps, data: UnreadNotice): Promise<boolean> {
  const receipts = await repo.receiptsOf(deps.db, data.consultationId, data.accountId);
  if (!receipts || Number(receipts.last_delivered_seq) >= data.seq) return false;
  const target = await repo.noticeTarget(deps.db, data.consultationId, data.accountId);
  if (!target) return false;
  const toPatient = target.recipient_kind === 'patient';
  const doctor = target.doctor ?? '';
  await deps.db.transaction().execute((tx) =>
    notify(tx, [
      {
        orgId: target.org_id,
        accountId: data.accountId,
        patientId: target.patient_id,
        kind: 'consultation_message',
        // Titles and bodies name no condition and quote no message: they may show on a locked phone.
        titleZh: toPatient ? `${doctor}医生回复了您的问诊` : '患者发来新消息',
        titleEn: toPatient ? `Dr. ${doctor} replied to your consultation` : 'New message from a patient',
        bodyZh: '打开 CareLoop 查看消息。',
        bodyEn: 'Open CareLoop to read it.',
        link: toPatient ? `/consult/${data.consultationId}` : `/consultations/${data.consultationId}`,
        dedupeKey: `consultation:${data.consultationId}:unread:${data.seq}`,
      },
    ]),
  );
  return true;
}

export function unreadNoticeJob(deps: AppDeps) {
  return defineJob({
    name: 'consultations.unread-notice',
    version: 1,
    schema: UnreadNotice,
    handler: async (data) => {
      await deliverUnreadNotice(deps, data);
    },
  });
}
