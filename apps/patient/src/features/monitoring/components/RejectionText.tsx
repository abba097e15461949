import type { ReadingRejection } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** Why the server refused a reading: the reason in the reader's language, then the server's own words. */
export function RejectionText({ rejection }: { rejection: ReadingRejection }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`monitoring.rejection.${rejection.code}`)}
      {rejection.message ? ` (${t('monitoring.rejection.serverSays', { message: rejection.message })})` : ''}
    </>
  );
}
