import type { Alert } from '@careloop/contracts';
import { App, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffMe } from '../../auth/hooks/use-me';
import { useAlertAction } from '../hooks/use-alerts';
import { actionProblem } from '../lib/alert-problems';
import { Assignee, Escalation, PatientMonitoringLink, TimeSince } from './AlertBits';
import { AlertStatusTag, SeverityTag } from './MonitoringTags';

const rowProps = (alert: Alert) =>
  ({
    'data-testid': 'alert-row',
    'data-alert-id': alert.id,
    'data-severity': alert.severity,
    'data-status': alert.status,
  }) as HTMLAttributes<HTMLElement>;

/**
 * The alert inbox's table: severity (colour and word), patient, what happened, how long ago the reading was,
 * status, who has it and how far it has escalated. The message opens the detail drawer.
 */
export function AlertTable({
  alerts,
  loading,
  emptyText,
  highlighted,
  onOpen,
}: {
  alerts: Alert[];
  loading: boolean;
  emptyText: string;
  /** Urgent alerts that just arrived: marked for a few seconds. */
  highlighted: ReadonlySet<string>;
  onOpen: (alertId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaffMe();
  const action = useAlertAction();

  async function acknowledge(alert: Alert) {
    try {
      await action.mutateAsync({ kind: 'acknowledge', alert });
      void message.success(t('alerts.acknowledged'));
    } catch (error) {
      const problem = actionProblem(error, t);
      if (problem.conflict) void message.warning(problem.text);
      else void message.error(problem.text);
    }
  }

  const columns: TableColumnsType<Alert> = [
    {
      title: t('alerts.columns.severity'),
      key: 'severity',
      width: 100,
      render: (_, alert) => <SeverityTag severity={alert.severity} />,
    },
    {
      title: t('alerts.columns.patient'),
      key: 'patient',
      width: 120,
      render: (_, alert) => <PatientMonitoringLink patientId={alert.patientId} name={alert.patientName} />,
    },
    {
      title: t('alerts.columns.alert'),
      key: 'alert',
      render: (_, alert) => (
        <span className="alert-cell">
          <span className="alert-cell__tags">
            <Tag>{t(`monitoring.metrics.${alert.metric}`)}</Tag>
            <Typography.Text type="secondary">{t(`monitoring.ruleKinds.${alert.kind}`)}</Typography.Text>
            {alert.readingCount > 1 ? (
              <Typography.Text type="secondary">
                {t('alerts.readingCount', { count: alert.readingCount })}
              </Typography.Text>
            ) : null}
          </span>
          <Button
            type="link"
            className="alert-cell__open"
            onClick={() => onOpen(alert.id)}
            data-testid="alert-open"
          >
            {alert.message}
          </Button>
        </span>
      ),
    },
    {
      title: t('alerts.columns.lastReading'),
      key: 'lastReading',
      width: 120,
      render: (_, alert) => <TimeSince at={alert.lastReadingAt ?? alert.createdAt} />,
    },
    {
      title: t('alerts.columns.status'),
      key: 'status',
      width: 100,
      render: (_, alert) => <AlertStatusTag status={alert.status} />,
    },
    {
      title: t('alerts.columns.assignee'),
      key: 'assignee',
      width: 110,
      render: (_, alert) => <Assignee alert={alert} myId={me.accountId} />,
    },
    {
      title: t('alerts.columns.escalation'),
      key: 'escalation',
      width: 150,
      render: (_, alert) => <Escalation alert={alert} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, alert) => (
        <Space size={4} wrap>
          {alert.status === 'open' ? (
            <Button
              size="small"
              type="primary"
              loading={action.isPending && action.variables?.alert.id === alert.id}
              onClick={() => void acknowledge(alert)}
              aria-label={t('alerts.acknowledgeFor', { name: alert.patientName, message: alert.message })}
              data-testid="alert-acknowledge"
            >
              {t('alerts.acknowledge')}
            </Button>
          ) : null}
          <Button
            size="small"
            onClick={() => onOpen(alert.id)}
            aria-label={t('alerts.detailsFor', { name: alert.patientName, message: alert.message })}
          >
            {t('alerts.details')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<Alert>
      rowKey="id"
      columns={columns}
      dataSource={alerts}
      loading={loading}
      pagination={false}
      onRow={rowProps}
      rowClassName={(alert) =>
        [
          highlighted.has(alert.id) ? 'alert-row--new' : '',
          alert.severity === 'urgent' && alert.status !== 'resolved' ? 'alert-row--urgent' : '',
        ].join(' ')
      }
      locale={{ emptyText }}
      scroll={{ x: 1040 }}
    />
  );
}
