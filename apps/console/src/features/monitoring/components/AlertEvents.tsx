import type { AlertEvent } from '@careloop/contracts';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

const EVENT_COLORS: Record<AlertEvent['kind'], string> = {
  created: 'red',
  folded: 'gray',
  assigned: 'blue',
  escalated: 'red',
  acknowledged: 'blue',
  resolved: 'green',
  'patient-notified': 'gray',
};

/** What happened to the alert, oldest first: raised, new readings folded in, assigned, escalated, closed. */
export function AlertEvents({ events }: { events: AlertEvent[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t('alerts.noEvents')}</Typography.Text>;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      className="alert-events"
      data-testid="alert-events"
      items={sorted.map((event) => ({
        key: event.id,
        color: EVENT_COLORS[event.kind],
        content: (
          <span className="alert-event" data-kind={event.kind}>
            <Typography.Text strong>{t(`monitoring.eventKinds.${event.kind}`)}</Typography.Text>
            {event.actor ? <span> · {event.actor.name}</span> : null}
            <Typography.Text type="secondary" className="alert-event__time">
              <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            </Typography.Text>
            {event.detail ? <span className="alert-event__detail">{event.detail}</span> : null}
          </span>
        ),
      }))}
    />
  );
}
