import { useTranslation } from 'react-i18next';

/** "★ 4.8 (23 reviews)", or that there are none yet. */
export function RatingText({ rating }: { rating: { average: number | null; count: number } }) {
  const { t, i18n } = useTranslation();
  if (rating.average === null || rating.count === 0)
    return <span className="muted">{t('appointments.doctor.noRating')}</span>;
  const value = new Intl.NumberFormat(i18n.language, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(rating.average);
  return (
    <span className="muted" data-testid="doctor-rating">
      <span aria-hidden="true">★ </span>
      {t('appointments.doctor.rating', { value, count: rating.count })}
    </span>
  );
}
