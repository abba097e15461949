import type { Consultation } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { useRateConsultation } from '../hooks/useConsultQueries.ts';

const STARS = [1, 2, 3, 4, 5] as const;

/** Stars (radio buttons, so the keyboard and screen readers work) and an optional comment, once it is closed. */
export function RatingForm({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const commentId = useId();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const rate = useRateConsultation(c.id);

  if (c.rating) {
    return (
      <section className="card" data-testid="consult-rated">
        <p>
          <span aria-hidden="true" className="consult-stars-shown">
            {'★'.repeat(c.rating.stars)}
            {'☆'.repeat(5 - c.rating.stars)}{' '}
          </span>
          {t('consult.rating.yours', { count: c.rating.stars })}
        </p>
        {c.rating.comment && <p className="chat-text">{c.rating.comment}</p>}
      </section>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (stars === 0) return;
    rate.mutate({ stars, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  }

  return (
    <form
      className="card stack"
      onSubmit={submit}
      aria-labelledby="consult-rate-title"
      data-testid="consult-rating"
    >
      <h2 id="consult-rate-title">{t('consult.rating.title')}</h2>
      <fieldset className="consult-stars">
        <legend className="sr-only">{t('consult.rating.stars')}</legend>
        {STARS.map((n) => (
          <label key={n} className="consult-star" data-testid={`consult-star-${n}`}>
            <input
              type="radio"
              name="consult-stars"
              value={n}
              checked={stars === n}
              onChange={() => setStars(n)}
              className="sr-only"
            />
            <span aria-hidden="true" className={n <= stars ? 'consult-star-on' : 'consult-star-off'}>
              {n <= stars ? '★' : '☆'}
            </span>
            <span className="sr-only">{t('consult.rating.star', { count: n })}</span>
          </label>
        ))}
      </fieldset>
      {tried && stars === 0 && (
        <p className="field-error" role="alert">
          {t('consult.rating.starsRequired')}
        </p>
      )}
      <div className="field">
        <label className="field-label" htmlFor={commentId}>
          {t('consult.rating.comment')}
        </label>
        <textarea
          id={commentId}
          className="field-input consult-textarea"
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid="consult-rating-comment"
        />
      </div>
      <ErrorNotice error={rate.error} />
      <Button type="submit" color="primary" loading={rate.isPending} data-testid="consult-rating-submit">
        {t('consult.rating.submit')}
      </Button>
    </form>
  );
}
