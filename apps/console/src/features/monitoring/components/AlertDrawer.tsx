import type { AlertDetail } from '@careloop/contracts';
import { Alert, App, Button, Descriptions, Drawer, Skeleton, Space, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useStaffMe } from '../../auth/hooks/use-me';
import { useAlert, useAlertAction } from '../hooks/use-alerts';
import { actionProblem } from '../lib/alert-problems';
import { AlertEvents } from './AlertEvents';
import { AlertReadings } from './AlertReadings';
import { Assignee, Escalation, PatientMonitoringLink } from './AlertBits';
import { AssignAlertModal } from './AssignAlertModal';
import { AlertStatusTag, SeverityTag } from './MonitoringTags';
import { ResolveAlertModal } from './ResolveAlertModal';

type Dialog = 'resolve' | 'assign' | null;

/**
 * One alert in full: what was found, what the patient was told, the readings behind it and its history, with the
 * actions that move it on. Opened by ?alert=<id>, which is also where notifications link.
 */
export function AlertDrawer({ alertId, onClose }: { alertId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useAlert(alertId);
  const alert = detail.data;

  let body;
  if (!alertId) body = null;
  else if (detail.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (detail.isError)
    body =
      isApiError(detail.error) && detail.error.status === 404 ? (
        <Alert type="warning" showIcon title={t('alerts.notFound')} />
      ) : (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      );
  else if (alert) body = <AlertDetailBody alert={alert} />;

  return (
    <Drawer
      open={!!alertId}
      size={600}
      title={t('alerts.drawerTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={alert ? <AlertDrawerActions alert={alert} /> : null}
      data-testid="alert-drawer"
    >
      {body}
    </Drawer>
  );
}

function AlertDetailBody({ alert }: { alert: AlertDetail }) {
  const { t, i18n } = useTranslation();
  const me = useStaffMe();
  const time = (iso: string | null) => formatDateTime(iso, i18n.language);
  const items: DescriptionsProps['items'] = [
    {
      key: 'patient',
      label: t('alerts.columns.patient'),
      children: <PatientMonitoringLink patientId={alert.patientId} name={alert.patientName} />,
    },
    { key: 'status', label: t('alerts.columns.status'), children: <AlertStatusTag status={alert.status} /> },
    {
      key: 'rule',
      label: t('alerts.rule'),
      children: `${t(`monitoring.metrics.${alert.metric}`)} · ${t(`monitoring.ruleKinds.${alert.kind}`)}`,
    },
    {
      key: 'readings',
      label: t('alerts.readingsPeriod'),
      children:
        alert.firstReadingAt && alert.lastReadingAt && alert.firstReadingAt !== alert.lastReadingAt
          ? `${time(alert.firstReadingAt)} – ${time(alert.lastReadingAt)}`
          : time(alert.lastReadingAt ?? alert.firstReadingAt) || t('common.none'),
    },
    { key: 'created', label: t('alerts.createdAt'), children: time(alert.createdAt) },
    {
      key: 'assignee',
      label: t('alerts.columns.assignee'),
      children: <Assignee alert={alert} myId={me.accountId} />,
    },
    { key: 'escalation', label: t('alerts.columns.escalation'), children: <Escalation alert={alert} /> },
  ];
  if (alert.acknowledgedAt) {
    items.push({
      key: 'acknowledged',
      label: t('alerts.acknowledgedBy'),
      children: [alert.acknowledgedBy?.name, time(alert.acknowledgedAt)].filter(Boolean).join(' · '),
    });
  }
  if (alert.resolvedAt) {
    items.push(
      {
        key: 'resolved',
        label: t('alerts.resolvedBy'),
        children: [alert.resolvedBy?.name, time(alert.resolvedAt)].filter(Boolean).join(' · '),
      },
      {
        key: 'resolution',
        label: t('alerts.resolutionAction'),
        children: alert.resolutionAction
          ? t(`monitoring.resolutionActions.${alert.resolutionAction}`)
          : t('common.none'),
      },
      {
        key: 'note',
        label: t('alerts.resolutionNote'),
        children: <span className="pre-wrap">{alert.resolutionNote ?? t('common.none')}</span>,
      },
    );
  }

  return (
    <div className="alert-detail" data-testid="alert-detail" data-status={alert.status}>
      <div className="alert-detail__head">
        <SeverityTag severity={alert.severity} />
        <h2 className="alert-detail__message">{alert.message}</h2>
      </div>
      {alert.patientAdvice ? (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t('alerts.patientAdvice')}
          description={alert.patientAdvice}
          data-testid="alert-advice"
        />
      ) : null}
      <Descriptions items={items} column={1} size="small" bordered className="alert-detail__facts" />
      <section aria-labelledby="alert-readings-heading" className="alert-detail__section">
        <h3 id="alert-readings-heading" className="section-heading">
          {t('alerts.readings.title', { count: alert.readings.length })}
        </h3>
        <AlertReadings readings={alert.readings} />
      </section>
      <section aria-labelledby="alert-events-heading" className="alert-detail__section">
        <h3 id="alert-events-heading" className="section-heading">
          {t('alerts.history')}
        </h3>
        <AlertEvents events={alert.events} />
      </section>
    </div>
  );
}

function AlertDrawerActions({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaffMe();
  const action = useAlertAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (alert.status === 'resolved') return null;

  async function run(kind: 'acknowledge' | 'take') {
    try {
      if (kind === 'acknowledge') {
        await action.mutateAsync({ kind: 'acknowledge', alert });
        void message.success(t('alerts.acknowledged'));
      } else {
        await action.mutateAsync({ kind: 'assign', alert, accountId: me.accountId });
        void message.success(t('alerts.takenByMe'));
      }
    } catch (error) {
      const problem = actionProblem(error, t);
      if (problem.conflict) void message.warning(problem.text);
      else void message.error(problem.text);
    }
  }

  return (
    <>
      <Space wrap className="modal-actions">
        {alert.assignedTo?.id !== me.accountId ? (
          <Button
            onClick={() => void run('take')}
            loading={action.isPending && action.variables?.kind === 'assign'}
            data-testid="alert-take"
          >
            {t('alerts.takeAlert')}
          </Button>
        ) : null}
        <Button onClick={() => setDialog('assign')} data-testid="alert-assign">
          {t('alerts.assign')}
        </Button>
        {alert.status === 'open' ? (
          <Button
            onClick={() => void run('acknowledge')}
            loading={action.isPending && action.variables?.kind === 'acknowledge'}
            data-testid="alert-acknowledge-detail"
          >
            {t('alerts.acknowledge')}
          </Button>
        ) : null}
        <Button type="primary" onClick={() => setDialog('resolve')} data-testid="alert-resolve">
          {t('alerts.resolve')}
        </Button>
      </Space>
      {dialog === 'resolve' ? <ResolveAlertModal alert={alert} onClose={() => setDialog(null)} /> : null}
      {dialog === 'assign' ? <AssignAlertModal alert={alert} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
