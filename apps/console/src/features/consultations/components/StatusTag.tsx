import type { ConsultationStatus } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { ToneTag, type Tone } from '../../records/components/ToneTag';
import '../../records/records.css';

const TONES: Record<ConsultationStatus, Tone> = {
  requested: 'gold',
  accepted: 'blue',
  active: 'green',
  closed: 'default',
  declined: 'default',
  expired: 'default',
  cancelled: 'default',
};

/** The state in words (the colour is never the only signal), in the record's AA-contrast tag tones. */
export function StatusTag({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return (
    <span data-testid="consult-status" data-status={status}>
      <ToneTag tone={TONES[status]}>{t(`consult.status.${status}`)}</ToneTag>
    </span>
  );
}
