import { RightOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUMMARY_DAYS } from '../hooks/useMonitoringPush.ts';
import { useMonitoringSummary, useTodayReadings } from '../hooks/useMonitoringQueries.ts';
import { usePendingReadings } from '../hooks/useOutbox.ts';
import { openSlots, reminderSlots } from '../lib/today.ts';
import '../monitoring.css';

interface MonitoringTodayProps {
  patientId: string | undefined;
  /** Shown when nothing is left to measure today. */
  empty: ReactNode;
}

/**
 * The home page's share of home monitoring: what is left to measure today, urgent advice if there is any, and the
 * way into 居家监测 in one tap. When the summary cannot be read, only the way in is shown.
 */
export function MonitoringToday({ patientId, empty }: MonitoringTodayProps) {
  const { t } = useTranslation();
  const summary = useMonitoringSummary(patientId, SUMMARY_DAYS);
  const today = useTodayReadings(patientId);
  const pending = usePendingReadings(patientId ?? '');
  const plan = summary.data?.plan ?? null;
  const taken = [...(today.data ?? []), ...pending.map((e) => e.reading)];
  const todo = plan && today.data ? openSlots(reminderSlots(plan.reminders, taken, new Date())) : [];
  const urgent = summary.data?.openAlerts.find((a) => a.severity === 'urgent' && a.patientAdvice?.trim());
  return (
    <>
      {urgent && (
        <Link to="/monitoring" className="home-urgent" data-testid="home-urgent-advice">
          <strong>
            <span aria-hidden="true">⚠ </span>
            {t('monitoring.urgent.title')}
          </strong>
          <span>{urgent.patientAdvice}</span>
        </Link>
      )}
      {todo.length > 0 ? (
        <ul className="home-todo" aria-label={t('monitoring.home.todoLabel')} data-testid="home-to-measure">
          {todo.map((slot) => (
            <li key={`${slot.type}-${slot.time}`}>
              <span className="reminder-time">{slot.time}</span>
              {t(`monitoring.home.measure`, { what: t(`monitoring.types.${slot.type}`) })}
              {slot.status === 'due' && <strong> · {t('monitoring.reminders.status.due')}</strong>}
            </li>
          ))}
        </ul>
      ) : (
        empty
      )}
      {pending.length > 0 && (
        <p className="muted" data-testid="home-outbox">
          {t('monitoring.queue.title', { count: pending.length })}
        </p>
      )}
      <Link to="/monitoring" className="home-monitoring-link" data-testid="home-monitoring">
        <span>{t('monitoring.title')}</span>
        <RightOutline aria-hidden="true" />
      </Link>
    </>
  );
}
