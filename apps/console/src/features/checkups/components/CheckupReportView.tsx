import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryError';
import { currentLanguage } from '../../../i18n';
import { problemText } from '../../../lib/problems';
import { formatDay } from '../../followup/lib/due';
import { checkupsApi } from '../api/checkups-api';
import { useCheckupReport } from '../hooks/use-patient-checkups';
import { groupByCategory, splitAbnormal } from '../lib/checkup-format';
import { packageName } from './CheckupReportList';
import { CheckupItemsTable } from './CheckupItemsTable';
import { CheckupTrends } from './CheckupTrends';
import { ReportFollowUpTasks } from './ReportFollowUpTasks';

/** One checkup report: abnormal items first with explanations and comparison, trends, the rest, follow-up. */
export function CheckupReportView({
  patientId,
  reportId,
  onBack,
}: {
  patientId: string;
  reportId: string;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const detail = useCheckupReport(patientId, reportId);
  const [downloading, setDownloading] = useState(false);

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined aria-hidden />}
      onClick={onBack}
      className="checkup-report__back"
    >
      {t('checkupReport.backToList')}
    </Button>
  );

  if (detail.isPending) {
    return (
      <>
        {back}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        {back}
        {isApiError(detail.error) && detail.error.status === 404 ? (
          <Alert type="warning" showIcon title={t('checkupReport.notFound')} />
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </>
    );
  }

  const { report, items, trends, followUpTasks } = detail.data;
  const { abnormal, normal } = splitAbnormal(items);
  const groups = groupByCategory(normal);
  const date = formatDay(report.performedAt, i18n.language);

  async function downloadPdf() {
    setDownloading(true);
    try {
      await checkupsApi.downloadSummaryPdf(
        patientId,
        reportId,
        currentLanguage(),
        `${t('checkupReport.pdfFileName')}-${report.performedAt.slice(0, 10)}.pdf`,
      );
    } catch (error) {
      void message.error(problemText(error, t));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <div className="checkup-report" data-testid="checkup-report">
      {back}
      <Card
        title={<h2 className="card-heading">{t('checkupReport.reportTitle', { date })}</h2>}
        extra={
          <Button
            icon={<FilePdfOutlined aria-hidden />}
            loading={downloading}
            onClick={() => void downloadPdf()}
            data-testid="summary-pdf"
          >
            {t('checkupReport.downloadPdf')}
          </Button>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'date', label: t('checkupReport.date'), children: date },
            { key: 'center', label: t('checkupReport.center'), children: report.center ?? t('common.none') },
            {
              key: 'package',
              label: t('checkupReport.package'),
              children: packageName(report, i18n.language) || t('common.none'),
            },
            {
              key: 'counts',
              label: t('checkupReport.abnormal'),
              children: (
                <Space size={4} wrap>
                  <span>
                    {t('checkupReport.abnormalOf', {
                      abnormal: report.abnormalCount,
                      total: report.itemCount,
                    })}
                  </span>
                  {report.newAbnormalCount > 0 ? (
                    <Tag color="warning">
                      {t('checkupReport.newCount', { count: report.newAbnormalCount })}
                    </Tag>
                  ) : null}
                  {report.worseCount > 0 ? (
                    <Tag color="red">{t('checkupReport.worseCount', { count: report.worseCount })}</Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              key: 'previous',
              label: t('checkupReport.comparedWith'),
              children: report.previousReport
                ? formatDay(report.previousReport.performedAt, i18n.language)
                : t('checkupReport.firstReport'),
            },
          ]}
        />
        {report.conclusion ? (
          <Typography.Paragraph className="checkup-report__conclusion">
            <Typography.Text strong>{t('checkupReport.conclusion')}: </Typography.Text>
            {report.conclusion}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card
        title={
          <h3 className="card-heading">{t('checkupReport.abnormalTitle', { count: abnormal.length })}</h3>
        }
      >
        {abnormal.length === 0 ? (
          <Alert type="success" showIcon title={t('checkupReport.noAbnormal')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('checkupReport.expandHint')}</Typography.Paragraph>
            <CheckupItemsTable items={abnormal} expandCritical />
          </>
        )}
      </Card>

      {abnormal.length > 0 ? (
        <Card title={<h3 className="card-heading">{t('checkupReport.trendsTitle')}</h3>}>
          <CheckupTrends trends={trends} />
        </Card>
      ) : null}

      <Card title={<h3 className="card-heading">{t('checkupReport.followUpTitle')}</h3>}>
        <ReportFollowUpTasks tasks={followUpTasks} />
      </Card>

      <Card
        title={<h3 className="card-heading">{t('checkupReport.otherTitle', { count: normal.length })}</h3>}
      >
        {groups.length === 0 ? (
          <p className="muted">{t('checkupReport.noItems')}</p>
        ) : (
          groups.map((group) => (
            <section
              key={group.category}
              className="checkup-report__group"
              aria-labelledby={`cat-${group.category}`}
            >
              <h4 id={`cat-${group.category}`} className="checkup-report__group-title">
                {t(`checkupReport.categories.${group.category}`)}
              </h4>
              <CheckupItemsTable items={group.items} />
            </section>
          ))
        )}
      </Card>
    </div>
  );
}
