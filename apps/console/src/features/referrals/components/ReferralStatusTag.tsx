import type { ReferralStatus } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { ToneTag, type Tone } from '../../records/components/ToneTag';
import '../../records/records.css';

const TONES: Record<ReferralStatus, Tone> = {
  awaiting_consent: 'gold',
  consented: 'blue',
  accepted: 'cyan',
  booked: 'geekblue',
  completed: 'green',
  declined: 'default',
  withdrawn: 'default',
  cancelled: 'default',
  expired: 'default',
};

/** A referral's state in words (the colour only repeats what the words say), in AA-contrast tones. */
export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span data-testid="referral-status" data-status={status}>
      <ToneTag tone={TONES[status]}>{t(`referrals.status.${status}`)}</ToneTag>
    </span>
  );
}
