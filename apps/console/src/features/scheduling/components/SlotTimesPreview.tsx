import { useTranslation } from 'react-i18next';
import { slotTimes } from '../lib/schedule';

const SHOWN = 12;

/** The slots the session's times make, as the form is filled in: what patients will be offered each week. */
export function SlotTimesPreview({
  start,
  end,
  slotMinutes,
  capacity,
}: {
  start: string;
  end: string;
  slotMinutes: number;
  capacity: number;
}) {
  const { t } = useTranslation();
  const slots = slotTimes(start, end, slotMinutes);
  return (
    <section className="slot-preview" aria-labelledby="slot-preview-heading" data-testid="template-preview">
      <h3 id="slot-preview-heading" className="slot-preview__heading">
        {t('scheduling.template.preview')}
      </h3>
      {slots.length === 0 ? (
        <p className="muted">{t('scheduling.template.previewNone')}</p>
      ) : (
        <>
          <p data-testid="template-preview-summary">
            {t('scheduling.template.previewSummary', {
              slots: slots.length,
              places: slots.length * Math.max(capacity, 0),
            })}
          </p>
          <ul className="slot-chips">
            {slots.slice(0, SHOWN).map((slot) => (
              <li key={slot.start} className="slot-chip">
                {slot.start}–{slot.end}
              </li>
            ))}
            {slots.length > SHOWN ? (
              <li className="slot-chip slot-chip--more">
                {t('scheduling.template.previewMore', { count: slots.length - SHOWN })}
              </li>
            ) : null}
          </ul>
        </>
      )}
    </section>
  );
}
