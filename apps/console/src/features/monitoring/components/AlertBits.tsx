import type { Alert } from '@careloop/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { timeAgo } from '../../records/lib/format';

/** The patient page's monitoring tab. */
export function patientMonitoringPath(patientId: string): string {
  return `/patients/${encodeURIComponent(patientId)}?tab=monitoring`;
}

export function PatientMonitoringLink({ patientId, name }: { patientId: string; name: string }) {
  return (
    <Link to={patientMonitoringPath(patientId)} data-testid="alert-patient">
      {name}
    </Link>
  );
}

/** "3 小时前" with the exact time beside it for screen readers and on hover. */
export function TimeSince({ at }: { at: string | null }) {
  const { t, i18n } = useTranslation();
  if (!at) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const exact = formatDateTime(at, i18n.language);
  return (
    <time dateTime={at} title={exact}>
      {timeAgo(at, i18n.language)}
    </time>
  );
}

/** Who has the alert: "我" as a tag, a colleague's name, or "未指派". */
export function Assignee({ alert, myId }: { alert: Pick<Alert, 'assignedTo'>; myId: string }) {
  const { t } = useTranslation();
  if (!alert.assignedTo) return <Typography.Text type="secondary">{t('alerts.unassigned')}</Typography.Text>;
  if (alert.assignedTo.id === myId) return <Tag color="blue">{t('alerts.me')}</Tag>;
  return <span>{alert.assignedTo.name}</span>;
}

/** "未升级" / "已升级 2 级" and, for an open alert, when it moves on next. */
export function Escalation({ alert }: { alert: Pick<Alert, 'escalationLevel' | 'escalateAt' | 'status'> }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="alert-escalation">
      {alert.escalationLevel > 0 ? (
        <Typography.Text strong type="danger">
          {t('alerts.escalated', { level: alert.escalationLevel })}
        </Typography.Text>
      ) : (
        <span>{t('alerts.notEscalated')}</span>
      )}
      {alert.status === 'open' && alert.escalateAt ? (
        <Typography.Text type="secondary" className="alert-escalation__next">
          {t('alerts.escalatesAt', { time: formatDateTime(alert.escalateAt, i18n.language) })}
        </Typography.Text>
      ) : null}
    </span>
  );
}
