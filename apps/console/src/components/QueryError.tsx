import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../lib/problems';

/** A failed load, said plainly, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={problemText(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.reload')}
          </Button>
        ) : undefined
      }
    />
  );
}
