import type { Consultation } from '@careloop/contracts';
import { Card, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';

/** After closing: the summary the doctor wrote (now an encounter in the record) and the patient's rating. */
export function ConsultationOutcome({ consultation: c }: { consultation: Consultation }) {
  const { t, i18n } = useTranslation();
  if (!c.summary && !c.rating) return null;
  return (
    <Card className="consult-outcome" data-testid="consult-outcome" size="small">
      {c.summary ? (
        <div className="consult-outcome__summary">
          <h2 className="card-heading">{t('consult.outcome.title')}</h2>
          <dl className="consult-outcome__list">
            <dt>{t('consult.close.diagnoses')}</dt>
            <dd data-testid="consult-outcome-diagnoses">
              {c.summary.diagnoses.map((d) => `${d.code} ${d.display}`).join('；')}
            </dd>
            <dt>{t('consult.close.advice')}</dt>
            <dd className="consult-outcome__advice">{c.summary.advice}</dd>
            <dt>{t('consult.close.followUp')}</dt>
            <dd>
              {c.summary.followUpIntervalDays
                ? t('consult.outcome.followUpIn', { count: c.summary.followUpIntervalDays })
                : t('consult.outcome.noFollowUp')}
            </dd>
            {c.followUpUntil ? (
              <>
                <dt>{t('consult.outcome.questionsUntil')}</dt>
                <dd>{formatDateTime(c.followUpUntil, i18n.language)}</dd>
              </>
            ) : null}
          </dl>
          {c.summary.encounterId ? (
            <Link to={`/patients/${c.patient.id}?tab=timeline`} data-testid="consult-outcome-record">
              {t('consult.outcome.inRecord')}
            </Link>
          ) : null}
        </div>
      ) : null}
      <div className="consult-outcome__rating" data-testid="consult-rating">
        <h2 className="card-heading">{t('consult.outcome.rating')}</h2>
        {c.rating ? (
          <>
            <Rate disabled value={c.rating.stars} aria-hidden />
            <span className="visually-hidden">{t('consult.outcome.stars', { count: c.rating.stars })}</span>
            {c.rating.comment ? <p className="consult-outcome__comment">{c.rating.comment}</p> : null}
          </>
        ) : (
          <p className="muted">{t('consult.outcome.notRated')}</p>
        )}
      </div>
    </Card>
  );
}
