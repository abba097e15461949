import type { ReferralStatus } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** A referral's state in words (the colour only repeats what the words say). */
export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span className="referral-status" data-status={status} data-testid="referral-status">
      {t(`referrals.status.${status}`)}
    </span>
  );
}
