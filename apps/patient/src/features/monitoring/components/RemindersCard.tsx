import type { MonitoringPlan, Reading } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxEntry } from '../lib/outbox.ts';
import { formatTime } from '../lib/reading-format.ts';
import { isEntryType } from '../lib/reading-draft.ts';
import { reminderSlots, type ReminderSlot, type SlotStatus } from '../lib/today.ts';

const TONE: Record<SlotStatus, 'success' | 'primary' | 'default' | 'warning'> = {
  done: 'success',
  due: 'primary',
  upcoming: 'default',
  missed: 'warning',
};

const MARK: Record<SlotStatus, string> = { done: '✓', due: '●', upcoming: '○', missed: '!' };

interface RemindersCardProps {
  plan: MonitoringPlan | null;
  readings: readonly Reading[];
  pending: readonly OutboxEntry[];
  canEdit: boolean;
}

/** Today's measuring times from the care team's plan, each done (by a reading of that type) or still to do. */
export function RemindersCard({ plan, readings, pending, canEdit }: RemindersCardProps) {
  const { t, i18n } = useTranslation();
  const taken = [...readings, ...pending.map((e) => e.reading)];
  const slots = plan ? reminderSlots(plan.reminders, taken, new Date()) : [];
  const done = slots.filter((s) => s.status === 'done').length;

  function statusText(slot: ReminderSlot): string {
    if (slot.status === 'done' && slot.doneAt) {
      return t('monitoring.reminders.doneAt', { time: formatTime(slot.doneAt, i18n.language) });
    }
    return t(`monitoring.reminders.status.${slot.status}`);
  }

  return (
    <section className="card" aria-labelledby="reminders-title" data-testid="monitoring-reminders">
      <h2 id="reminders-title">{t('monitoring.reminders.title')}</h2>
      {slots.length === 0 ? (
        <p className="muted">{plan ? t('monitoring.reminders.noTimes') : t('monitoring.reminders.noPlan')}</p>
      ) : (
        <>
          <p className="muted">{t('monitoring.reminders.progress', { done, total: slots.length })}</p>
          <ul className="reminder-list">
            {slots.map((slot) => (
              <li
                key={`${slot.type}-${slot.time}`}
                className={`reminder is-${slot.status}`}
                data-testid="reminder-slot"
                data-status={slot.status}
              >
                <span className="reminder-time">{slot.time}</span>
                <span className="reminder-what">{t(`monitoring.types.${slot.type}`)}</span>
                <Tag color={TONE[slot.status]} fill={slot.status === 'done' ? 'solid' : 'outline'}>
                  <span aria-hidden="true">{MARK[slot.status]} </span>
                  {statusText(slot)}
                </Tag>
                {canEdit && slot.status !== 'done' && isEntryType(slot.type) && (
                  <Link
                    className="text-link reminder-go"
                    to={`/monitoring/readings/new?type=${slot.type}`}
                    aria-label={t('monitoring.reminders.measureLabel', {
                      what: t(`monitoring.types.${slot.type}`),
                      time: slot.time,
                    })}
                  >
                    {t('monitoring.reminders.measure')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan?.note && <p className="muted">{t('monitoring.reminders.planNote', { note: plan.note })}</p>}
    </section>
  );
}
