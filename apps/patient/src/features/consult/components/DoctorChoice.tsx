import type { DoctorCard } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { DoctorProfileView } from './DoctorProfileView.tsx';

interface DoctorChoiceProps {
  doctors: readonly DoctorCard[];
  /** '' for the department's pool (any doctor). */
  value: string;
  onChange: (doctorId: string) => void;
}

function RatingText({ rating }: { rating: DoctorCard['rating'] }) {
  const { t, i18n } = useTranslation();
  if (rating.average === null || rating.count === 0)
    return <span className="muted">{t('consult.new.noRating')}</span>;
  const value = new Intl.NumberFormat(i18n.language, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(rating.average);
  return (
    <span className="muted">
      <span aria-hidden="true">★ </span>
      {t('consult.new.rating', { value, count: rating.count })}
    </span>
  );
}

/** Any doctor of the department (the first free one accepts), or one doctor by name, title and rating. */
export function DoctorChoice({ doctors, value, onChange }: DoctorChoiceProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <fieldset className="choice-group">
      <legend>{t('consult.new.doctor')}</legend>
      <label className="choice" data-testid="consult-doctor-any">
        <input
          type="radio"
          name="consult-doctor"
          value=""
          checked={value === ''}
          onChange={() => onChange('')}
        />
        <span className="consult-choice-text">
          <span>{t('consult.new.anyDoctor')}</span>
          <span className="muted">{t('consult.new.anyDoctorHint')}</span>
        </span>
      </label>
      {doctors.map((d) => (
        <div key={d.id} className="consult-doctor-row">
          <label className="choice" data-testid="consult-doctor">
            <input
              type="radio"
              name="consult-doctor"
              value={d.id}
              checked={value === d.id}
              onChange={() => onChange(d.id)}
            />
            <span className="consult-choice-text">
              <span>
                {d.name}
                {d.title && <span className="muted"> · {d.title}</span>}
              </span>
              <RatingText rating={d.rating} />
            </span>
          </label>
          <button
            type="button"
            className="link-button consult-doctor-link"
            data-testid="consult-doctor-profile"
            aria-expanded={shown === d.id}
            aria-label={t('consult.doctorProfile.profile', { name: d.name })}
            onClick={() => setShown(shown === d.id ? null : d.id)}
          >
            {t('consult.doctorProfile.reviews')}
          </button>
          {shown === d.id && <DoctorProfileView id={d.id} compact />}
        </div>
      ))}
    </fieldset>
  );
}
