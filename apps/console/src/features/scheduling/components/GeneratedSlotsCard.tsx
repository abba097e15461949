import type { Slot } from '@careloop/contracts';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { PREVIEW_DAYS, useSlotPreview } from '../hooks/use-scheduling';
import { timeOf } from '../lib/schedule';
import { todayIn, useOrgTimeZone } from '../hooks/use-org-today';

/** The slots the server generated for the coming week, day by day: what patients are offered. */
export function GeneratedSlotsCard({ doctorId }: { doctorId: string }) {
  const { t, i18n } = useTranslation();
  const slots = useSlotPreview(doctorId);
  const timeZone = useOrgTimeZone();
  const byDay = new Map<string, Slot[]>();
  for (const slot of [...(slots.data ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = timeZone ? todayIn(timeZone, new Date(slot.startsAt)) : slot.startsAt.slice(0, 10);
    byDay.set(key, [...(byDay.get(key) ?? []), slot]);
  }
  const weekday = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });

  return (
    <Card
      title={
        <h2 className="card-heading">{t('scheduling.schedules.previewTitle', { days: PREVIEW_DAYS })}</h2>
      }
      loading={slots.isPending}
      data-testid="schedule-slots"
    >
      <p className="muted">{t('scheduling.schedules.previewIntro')}</p>
      {slots.isError ? <QueryError error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {slots.data && byDay.size === 0 ? (
        <p className="muted">{t('scheduling.schedules.previewEmpty', { days: PREVIEW_DAYS })}</p>
      ) : null}
      <dl className="slot-days">
        {[...byDay].map(([day, daySlots]) => (
          <div key={day} className="slot-day" data-testid="schedule-slot-day" data-date={day}>
            <dt>
              {weekday.format(new Date(`${day}T12:00:00`))}
              <span className="muted">
                {' '}
                · {t('scheduling.schedules.previewDay', { count: daySlots.length })}
              </span>
            </dt>
            <dd>
              <ul className="slot-chips">
                {daySlots.map((slot) => (
                  <li key={slot.id} className={`slot-chip${slot.free === 0 ? ' slot-chip--full' : ''}`}>
                    {timeOf(slot.startsAt, i18n.language, timeZone)} {slot.booked}/{slot.capacity}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
