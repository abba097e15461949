import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { refusalOf } from '../lib/rules.ts';

/** A booking refused: what happened and what to do next, in the page's words; anything else as the API said it. */
export function RefusalNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const refusal = refusalOf(error instanceof ApiError ? error.code : undefined);
  if (refusal === 'other') return <ErrorNotice error={error} />;
  return (
    <div data-testid="book-refusal" data-refusal={refusal}>
      <Notice tone="error">
        <p>{t(`appointments.refusal.${refusal}`)}</p>
        {refusal === 'limit' && (
          <Link to="/appointments" className="text-link">
            {t('appointments.list.title')}
          </Link>
        )}
      </Notice>
    </div>
  );
}
