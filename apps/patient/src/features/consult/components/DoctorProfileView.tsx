import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { useDoctor } from '../hooks/useConsultQueries.ts';

/** Who a doctor is, how patients rated their consultations, and what they wrote. */
export function DoctorProfileView({ id, compact = false }: { id: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const doctor = useDoctor(id);
  const d = doctor.data;
  const number = (v: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  return (
    <div data-testid="doctor-profile-view">
      <ErrorNotice error={doctor.error} />
      {d && (
        <>
          <section className={compact ? undefined : 'card'} data-testid="doctor-profile">
            <p>{[d.title, d.department?.name].filter(Boolean).join(' · ')}</p>
            <p data-testid="doctor-rating">
              {d.rating.average === null ? (
                <span className="muted">{t('consult.new.noRating')}</span>
              ) : (
                <>
                  <span aria-hidden="true">★ </span>
                  {t('consult.new.rating', { value: number(d.rating.average), count: d.rating.count })}
                </>
              )}
            </p>
            <p className="muted">{t('consult.doctorProfile.summary', { count: d.consultationsClosed })}</p>
          </section>
          <section className={compact ? undefined : 'card'}>
            {compact ? (
              <h3>{t('consult.doctorProfile.reviews')}</h3>
            ) : (
              <h2>{t('consult.doctorProfile.reviews')}</h2>
            )}
            {d.reviews.length === 0 ? (
              <p className="muted">{t('consult.doctorProfile.noReviews')}</p>
            ) : (
              <ul className={compact ? 'consult-reviews' : 'list'} data-testid="doctor-reviews">
                {d.reviews.map((r, i) => (
                  <li key={i} className="item">
                    <span aria-label={t('consult.doctorProfile.stars', { count: r.stars })}>
                      {'★'.repeat(r.stars)}
                      <span className="muted" aria-hidden="true">
                        {'★'.repeat(5 - r.stars)}
                      </span>
                    </span>{' '}
                    <time className="muted" dateTime={r.at}>
                      {date(r.at)}
                    </time>
                    <p>
                      {r.comment ?? <span className="muted">{t('consult.doctorProfile.noComment')}</span>}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
