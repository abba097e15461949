import type { ConsultationStatus } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** A consultation's state in words (the colour only repeats what the words say). */
export function StatusTag({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return (
    <span className="consult-status" data-status={status} data-testid="consult-status">
      {t(`consult.status.${status}`)}
    </span>
  );
}
