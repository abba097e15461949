import type { Executor } from '../../platform/db/database.ts';
import { notify, type NewNotification } from '../notifications/index.ts';
import { referralsRepository as repo, type ReferralRow } from './referrals.repository.ts';

interface Message {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

/** What each side is told at each step; the body never carries the reason or any record detail. */
export const MESSAGES = {
  created: {
    titleZh: '医生为您开具了转诊，请确认授权',
    titleEn: 'Your doctor referred you: please review and consent',
    bodyZh: '打开 CareLoop 查看转诊对象和将共享的病历内容。',
    bodyEn: 'Open CareLoop to see where you are referred and what would be shared.',
  },
  consentedReferrer: {
    titleZh: '患者已同意转诊',
    titleEn: 'The patient consented to the referral',
    bodyZh: '转诊已发送给接收方。',
    bodyEn: 'The referral has gone to the receiver.',
  },
  consentedReceiver: {
    titleZh: '您收到一份新的转诊',
    titleEn: 'You received a new referral',
    bodyZh: '打开 CareLoop 转诊收件箱查看。',
    bodyEn: 'Open the referral inbox in CareLoop.',
  },
  refused: {
    titleZh: '患者未同意转诊',
    titleEn: 'The patient declined the referral',
    bodyZh: '打开 CareLoop 查看详情。',
    bodyEn: 'Open CareLoop for the details.',
  },
  withdrawn: {
    titleZh: '患者已撤回转诊授权',
    titleEn: 'The patient withdrew consent for a referral',
    bodyZh: '共享的病历已不可查看。',
    bodyEn: 'The shared record is no longer available.',
  },
  cancelled: {
    titleZh: '转诊已被取消',
    titleEn: 'A referral was cancelled',
    bodyZh: '打开 CareLoop 查看详情。',
    bodyEn: 'Open CareLoop for the details.',
  },
  accepted: {
    titleZh: '转诊已被接收',
    titleEn: 'The referral was accepted',
    bodyZh: '接收方医生将为您安排就诊。',
    bodyEn: 'The receiving doctor will arrange a visit.',
  },
  expired: {
    titleZh: '转诊已过期',
    titleEn: 'A referral expired',
    bodyZh: '转诊在有效期内未完成授权或接收，已关闭；如仍需转诊，请联系医生重新开具。',
    bodyEn:
      'It was not consented to or taken up in time and is closed. Ask your doctor for a new one if still needed.',
  },
  declined: {
    titleZh: '转诊未被接收',
    titleEn: 'The referral was declined',
    bodyZh: '打开 CareLoop 查看原因。',
    bodyEn: 'Open CareLoop to see why.',
  },
  booked: {
    titleZh: '转诊就诊已安排',
    titleEn: 'The referral visit is arranged',
    bodyZh: '打开 CareLoop 查看就诊时间。',
    bodyEn: 'Open CareLoop to see the date.',
  },
  completed: {
    titleZh: '转诊已完成，接收方已回复',
    titleEn: 'The referral is complete: the receiver reported back',
    bodyZh: '打开 CareLoop 查看诊疗结果。',
    bodyEn: 'Open CareLoop to read the outcome.',
  },
} as const satisfies Record<string, Message>;

export type Audience = 'patient' | 'referrer' | 'receivers';

/**
 * Notifies the named sides of one step in the caller's transaction. Receivers are the doctor who accepted, or
 * before that everyone the referral is addressed to (at most 50).
 */
export async function tell(
  tx: Executor,
  row: ReferralRow,
  step: string,
  audiences: readonly { to: Audience; message: Message }[],
): Promise<void> {
  const notes: NewNotification[] = [];
  for (const { to, message } of audiences) {
    const accounts =
      to === 'patient'
        ? await repo.patientSideAccounts(tx, row.patient_id)
        : to === 'referrer'
          ? [row.referring_account_id]
          : row.accepted_by
            ? [row.accepted_by]
            : await repo.receivers(
                tx,
                {
                  orgId: row.target_org_id,
                  kind: row.target_kind,
                  departmentId: row.target_department_id,
                  accountId: row.target_account_id,
                },
                row.referring_account_id,
              );
    for (const accountId of accounts)
      notes.push({
        orgId: to === 'receivers' ? row.target_org_id : row.org_id,
        accountId,
        patientId: row.patient_id,
        kind: 'referral_update',
        ...message,
        link: `/referrals/${row.id}`,
        dedupeKey: `referral:${row.id}:${step}:${to}`,
      });
  }
  await notify(tx, notes);
}
