import type { PrescriptionStatus } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notify, type NewNotification } from '../notifications/index.ts';

// What the pharmacy tells people, in both languages. Titles and bodies name no drug, condition or patient: they may
// be shown on a lock screen; the details are behind the link.

export const PHARMACY_MESSAGES = {
  toReview: {
    titleZh: '有新处方待审核',
    titleEn: 'A prescription is waiting for review',
    bodyZh: '打开 CareLoop 药师审核队列查看。',
    bodyEn: 'Open the review queue in CareLoop.',
  },
  rejected: {
    titleZh: '处方未通过药师审核',
    titleEn: 'A prescription was returned by the pharmacist',
    bodyZh: '打开 CareLoop 查看药师的意见并修改处方。',
    bodyEn: "Open CareLoop to read the pharmacist's note and revise the prescription.",
  },
  approved: {
    titleZh: '您的处方已审核通过，可以下单购药了',
    titleEn: 'Your prescription is ready to order',
    bodyZh: '药师已审核通过，打开 CareLoop 选择取药或配送。',
    bodyEn: 'The pharmacist approved it. Open CareLoop to choose pickup or delivery.',
  },
} as const;

export async function patientSideAccounts(db: Executor, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('patient_links')
    .select('account_id')
    .where('patient_id', '=', patientId)
    .where('removed_at', 'is', null)
    .union(
      db
        .selectFrom('proxy_grants')
        .select('grantee_account_id as account_id')
        .where('patient_id', '=', patientId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date())
        .where((eb) => eb(eb.val('view'), '=', eb.fn.any('scopes'))),
    )
    .execute();
  return rows.map((r) => r.account_id);
}

export async function orgPharmacists(db: Executor, orgId: string, except: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select('m.account_id')
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .where('a.active', '=', true)
    .where((eb) => eb(eb.val('pharmacist'), '=', eb.fn.any('m.roles')))
    .where('m.account_id', '<>', except)
    .limit(50)
    .execute();
  return rows.map((r) => r.account_id);
}

export async function tellPharmacy(
  tx: Executor,
  p: { id: string; orgId: string; patientId: string },
  to: readonly string[],
  message: keyof typeof PHARMACY_MESSAGES,
  link: string,
): Promise<void> {
  const kind = message === 'toReview' ? 'prescription_review' : 'prescription_update';
  const notes: NewNotification[] = to.map((accountId) => ({
    orgId: p.orgId,
    accountId,
    patientId: p.patientId,
    kind,
    ...PHARMACY_MESSAGES[message],
    link,
    dedupeKey: `prescription:${p.id}:${message}`,
  }));
  await notify(tx, notes);
}

/**
 * Tells the organization's consoles that a prescription changed, after the change committed: the review queue
 * refreshes at once instead of at its next poll.
 */
export function publishPrescriptionChanged(
  deps: Pick<AppDeps, 'realtime'>,
  orgId: string,
  id: string,
  status: PrescriptionStatus,
): void {
  deps.realtime.publish(
    'console',
    { orgId },
    {
      type: 'pharmacy.prescription.changed',
      id,
      status,
      at: new Date().toISOString(),
    },
  );
}
