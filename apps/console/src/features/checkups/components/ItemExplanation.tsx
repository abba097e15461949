import type { CheckupItemExplanation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** What an abnormal item measures, what the result may mean and what to do next, with its sources. */
export function ItemExplanation({ explanation }: { explanation: CheckupItemExplanation }) {
  const { t } = useTranslation();
  return (
    <div className="checkup-explanation" data-testid="item-explanation">
      <dl>
        <dt>{t('checkupReport.measures')}</dt>
        <dd>{explanation.measures}</dd>
        <dt>{t('checkupReport.meaning')}</dt>
        <dd>{explanation.meaning}</dd>
        <dt>{t('checkupReport.nextSteps')}</dt>
        <dd>{explanation.nextSteps}</dd>
      </dl>
      {explanation.sources.length > 0 ? (
        <p className="checkup-explanation__sources">
          {t('checkupReport.sources')}: {explanation.sources.join('; ')}
        </p>
      ) : null}
    </div>
  );
}
