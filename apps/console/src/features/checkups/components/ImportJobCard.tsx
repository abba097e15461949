import type { CheckupImportJob } from '@careloop/contracts';
import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Progress, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { useCancelImport, useImportJob } from '../hooks/use-imports';
import { STATUS_COLORS, importPercent, isActive, progressLook } from '../lib/import-progress';
import { ImportProblemsTable } from './ImportProblemsTable';

/** One import job: its progress (polled every second while it runs), its counts and its per-row problems. */
export function ImportJobCard({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const job = useImportJob(jobId);
  const title = <h2 className="card-heading">{t('checkupImport.jobTitle')}</h2>;

  if (job.isPending) {
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  }
  if (job.isError) {
    return (
      <Card title={title}>
        {isApiError(job.error) && job.error.status === 404 ? (
          <Alert type="warning" showIcon title={t('checkupImport.jobNotFound')} />
        ) : (
          <QueryError error={job.error} onRetry={() => void job.refetch()} />
        )}
      </Card>
    );
  }
  return <JobDetails job={job.data} title={title} />;
}

function JobDetails({ job, title }: { job: CheckupImportJob; title: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelImport();
  const active = isActive(job.status);
  const percent = importPercent(job);
  // Before the first report is found there is nothing to count yet: say what the server is doing instead.
  const progressText =
    job.status === 'queued'
      ? t('checkupImport.queuedText')
      : job.status === 'running' && job.totalReports === 0
        ? t('checkupImport.readingText')
        : t('checkupImport.progressText', { processed: job.processedReports, total: job.totalReports });

  async function cancelJob() {
    try {
      await cancel.mutateAsync(job.id);
      void message.success(t('checkupImport.cancelled'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const counts: { key: string; label: string; value: number; extra?: ReactNode }[] = [
    { key: 'reportsCreated', label: t('checkupImport.reportsCreated'), value: job.reportsCreated },
    { key: 'reportsDuplicate', label: t('checkupImport.reportsDuplicate'), value: job.reportsDuplicate },
    { key: 'itemsStored', label: t('checkupImport.itemsStored'), value: job.itemsStored },
    { key: 'itemsDuplicate', label: t('checkupImport.itemsDuplicate'), value: job.itemsDuplicate },
    {
      key: 'unmappedItems',
      label: t('checkupImport.unmappedItems'),
      value: job.unmappedItems,
      extra:
        job.unmappedItems > 0 ? (
          <Link to="/checkups/mappings" data-testid="review-unmapped">
            {t('checkupImport.reviewUnmapped')}
          </Link>
        ) : null,
    },
    { key: 'problemCount', label: t('checkupImport.problemCount'), value: job.problemCount },
  ];

  return (
    <Card
      title={title}
      data-testid="import-job"
      extra={
        active ? (
          <Popconfirm
            title={t('checkupImport.cancelConfirm')}
            okText={t('checkupImport.cancelJob')}
            cancelText={t('common.cancel')}
            onConfirm={() => void cancelJob()}
          >
            <Button
              danger
              icon={<StopOutlined aria-hidden />}
              loading={cancel.isPending}
              data-testid="import-cancel"
            >
              {t('checkupImport.cancelJob')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <div className="checkup-job__head">
        <Tag color={STATUS_COLORS[job.status]} data-testid="import-status" data-status={job.status}>
          {t(`checkupImport.status.${job.status}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('checkupImport.startedBy', {
            name: job.createdBy.name,
            at: formatDateTime(job.createdAt, i18n.language),
          })}
        </Typography.Text>
      </div>
      <Typography.Paragraph className="checkup-job__files">
        <span className="visually-hidden">{t('checkupImport.files')}: </span>
        {job.files.map((f) => f.name).join(t('checkupImport.listSeparator'))}
      </Typography.Paragraph>

      <Progress
        percent={percent}
        status={progressLook(job.status)}
        aria-label={t('checkupImport.progressLabel')}
        aria-valuetext={progressText}
        data-testid="import-progress"
      />
      <p className="checkup-job__progress-text" aria-live="polite" data-testid="import-progress-text">
        {progressText}
      </p>

      {job.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="checkup-import__alert"
          title={t('checkupImport.failed')}
          description={job.error ?? undefined}
        />
      ) : null}
      {job.status === 'cancelled' ? (
        <Alert
          type="info"
          showIcon
          className="checkup-import__alert"
          title={t('checkupImport.cancelledNote')}
        />
      ) : null}

      <dl className="checkup-job__counts" data-testid="import-counts">
        {counts.map((c) => (
          <div key={c.key} className="checkup-job__count" data-testid={`count-${c.key}`}>
            <dt>{c.label}</dt>
            <dd>
              <span className="checkup-job__count-value">{c.value}</span>
              {c.extra ? <span className="checkup-job__count-extra">{c.extra}</span> : null}
            </dd>
          </div>
        ))}
      </dl>

      {job.problemCount > 0 ? <ImportProblemsTable jobId={job.id} problemCount={job.problemCount} /> : null}
    </Card>
  );
}
