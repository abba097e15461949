import { Button } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LinkList, type LinkListEntry } from '../../../ui/LinkList.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { ActingFor, RecordFrame, type RecordContext } from '../../records/components/RecordFrame.tsx';
import { SUMMARY_DAYS } from '../hooks/useMonitoringPush.ts';
import { useMonitoringSummary, useTodayReadings } from '../hooks/useMonitoringQueries.ts';
import { usePendingReadings } from '../hooks/useOutbox.ts';
import { OutboxCard } from './OutboxCard.tsx';
import { RemindersCard } from './RemindersCard.tsx';
import { TodayReadings } from './TodayReadings.tsx';
import { UrgentAdvice } from './UrgentAdvice.tsx';
import '../monitoring.css';

function MonitoringHome({ patientId, acting, canEdit }: RecordContext) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useMonitoringSummary(patientId, SUMMARY_DAYS);
  const today = useTodayReadings(patientId);
  const pending = usePendingReadings(patientId);
  const links: LinkListEntry[] = [
    { to: '/monitoring/trends', label: t('monitoring.links.trends'), testId: 'monitoring-trends-link' },
    ...(canEdit
      ? [
          {
            to: '/monitoring/devices',
            label: t('monitoring.links.devices'),
            testId: 'monitoring-devices-link',
          },
          { to: '/monitoring/import', label: t('monitoring.links.import'), testId: 'monitoring-import-link' },
        ]
      : []),
  ];

  return (
    <>
      <ActingFor acting={acting} />
      {summary.data && <UrgentAdvice alerts={summary.data.openAlerts} />}
      <OutboxCard patientId={patientId} />
      {canEdit ? (
        <Button
          block
          color="primary"
          className="record-primary-action"
          onClick={() => void navigate('/monitoring/readings/new')}
          data-testid="monitoring-record"
        >
          <AddOutline aria-hidden="true" /> {t('monitoring.record')}
        </Button>
      ) : (
        <Notice tone="info">{t('health.readOnly')}</Notice>
      )}
      {summary.isPending && summary.fetchStatus === 'paused' && (
        <Notice tone="info">{t('monitoring.offlineLoad')}</Notice>
      )}
      {summary.isPending && summary.fetchStatus === 'fetching' && <Loading />}
      <ErrorNotice error={summary.error} />
      {summary.data && (
        <RemindersCard
          plan={summary.data.plan}
          readings={today.data ?? []}
          pending={pending}
          canEdit={canEdit}
        />
      )}
      <TodayReadings
        readings={today.data}
        isPending={today.isPending && today.fetchStatus === 'fetching'}
        error={today.error}
      />
      <nav aria-labelledby="monitoring-more-title">
        <h2 id="monitoring-more-title" className="sr-only">
          {t('monitoring.links.title')}
        </h2>
        <LinkList entries={links} />
      </nav>
    </>
  );
}

/** 居家监测: today's readings and measuring times, urgent advice, readings waiting to be sent, and the way in. */
export function MonitoringPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('monitoring.title')} backTo="/home">
      {(record) => <MonitoringHome key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
