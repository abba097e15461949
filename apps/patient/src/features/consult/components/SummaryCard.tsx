import type { Consultation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { dateTimeText } from '../lib/format.ts';

/** The doctor's closing summary (diagnoses, advice, follow-up), and whether follow-up questions are still taken. */
export function SummaryCard({ consultation: c }: { consultation: Consultation }) {
  const { t, i18n } = useTranslation();
  const s = c.summary;
  return (
    <section
      className="card consult-summary"
      aria-labelledby="consult-summary-title"
      data-testid="consult-summary"
    >
      <h2 id="consult-summary-title">{t('consult.summary.title')}</h2>
      {s && (
        <dl className="facts">
          <div>
            <dt>{t('consult.summary.diagnoses')}</dt>
            <dd data-testid="consult-summary-diagnoses">
              {s.diagnoses.map((d) => (
                <span key={d.code} className="consult-diagnosis">
                  {d.display} <span className="muted">({d.code})</span>
                </span>
              ))}
            </dd>
          </div>
          <div className="consult-summary-advice">
            <dt>{t('consult.summary.advice')}</dt>
            <dd className="chat-text" data-testid="consult-summary-advice">
              {s.advice}
            </dd>
          </div>
          <div>
            <dt className="sr-only">
              {t('consult.summary.followUp', { days: s.followUpIntervalDays ?? 0 })}
            </dt>
            <dd data-testid="consult-summary-follow-up">
              {s.followUpIntervalDays
                ? t('consult.summary.followUp', { days: s.followUpIntervalDays })
                : t('consult.summary.noFollowUp')}
            </dd>
          </div>
        </dl>
      )}
      {s?.encounterId && <p className="muted">{t('consult.summary.inRecord')}</p>}
      <p
        className="consult-follow-up-window"
        data-testid="consult-follow-up-window"
        data-can-message={c.canMessage}
      >
        {c.canMessage && c.followUpUntil
          ? t('consult.chat.followUpUntil', { date: dateTimeText(c.followUpUntil, i18n.language) })
          : t('consult.chat.followUpEnded')}
      </p>
    </section>
  );
}
