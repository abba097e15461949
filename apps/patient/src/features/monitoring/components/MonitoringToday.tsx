import { RightOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTodayMeasurements } from '../hooks/useTodayMeasurements.ts';
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
  const { todo, urgent, pending } = useTodayMeasurements(patientId);
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
