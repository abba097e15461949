import { Button, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { useAlertList } from '../hooks/use-alerts';
import { TimeSince } from './AlertBits';
import { MonitoringCard, MonitoringEmpty } from './MonitoringCard';
import { AlertStatusTag, SeverityTag } from './MonitoringTags';

/** The patient's alerts still open or acknowledged, each linking to its detail in the inbox. */
export function PatientAlertsCard({ patientId, live }: { patientId: string; live: boolean }) {
  const { t } = useTranslation();
  const list = useAlertList({ status: 'active', patientId }, live);
  const alerts = list.data?.pages.flatMap((page) => page.items) ?? [];
  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (list.isError) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  else if (alerts.length === 0) body = <MonitoringEmpty text={t('monitoringTab.alerts.none')} />;
  else
    body = (
      <>
        <ul className="patient-alerts">
          {alerts.map((alert) => (
            <li
              key={alert.id}
              className="patient-alert"
              data-testid="patient-alert"
              data-severity={alert.severity}
            >
              <span className="patient-alert__tags">
                <SeverityTag severity={alert.severity} />
                <AlertStatusTag status={alert.status} />
              </span>
              <Link to={`/alerts?alert=${encodeURIComponent(alert.id)}`} className="patient-alert__message">
                {alert.message}
              </Link>
              <Typography.Text type="secondary" className="patient-alert__time">
                <TimeSince at={alert.lastReadingAt ?? alert.createdAt} />
              </Typography.Text>
            </li>
          ))}
        </ul>
        {list.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </div>
        ) : null}
      </>
    );
  return (
    <MonitoringCard
      title={t('monitoringTab.alerts.title', { count: alerts.length })}
      testId="monitoring-alerts"
      extra={<Link to={`/alerts`}>{t('monitoringTab.alerts.inbox')}</Link>}
    >
      {body}
    </MonitoringCard>
  );
}
