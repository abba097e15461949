import type { CheckupReportSummary } from '@careloop/contracts';
import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDay } from '../../followup/lib/due';
import { usePatientReports } from '../hooks/use-patient-checkups';

const rowProps = { 'data-testid': 'checkup-report-row' } as HTMLAttributes<HTMLElement>;

export function packageName(report: CheckupReportSummary, language: string): string {
  if (report.package) return language === 'en-US' ? report.package.nameEn : report.package.nameZh;
  return report.packageName ?? '';
}

/** A patient's checkup reports, newest first, with how each compares with the one before. */
export function CheckupReportList({
  patientId,
  onOpen,
}: {
  patientId: string;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const reports = usePatientReports(patientId);
  const rows = reports.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<CheckupReportSummary> = [
    {
      title: t('checkupReport.date'),
      key: 'date',
      width: 140,
      render: (_, r) => <span className="nowrap">{formatDay(r.performedAt, i18n.language)}</span>,
    },
    { title: t('checkupReport.center'), key: 'center', render: (_, r) => r.center ?? '' },
    { title: t('checkupReport.package'), key: 'package', render: (_, r) => packageName(r, i18n.language) },
    { title: t('checkupReport.itemCount'), dataIndex: 'itemCount', key: 'items', width: 90 },
    {
      title: t('checkupReport.abnormal'),
      key: 'abnormal',
      width: 130,
      render: (_, r) =>
        r.abnormalCount > 0 ? (
          <Tag color="red">{t('checkupReport.abnormalCount', { count: r.abnormalCount })}</Tag>
        ) : (
          <Tag color="success">{t('checkupReport.allNormal')}</Tag>
        ),
    },
    {
      title: t('checkupReport.changes'),
      key: 'changes',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.newAbnormalCount > 0 ? (
            <Tag color="warning">{t('checkupReport.newCount', { count: r.newAbnormalCount })}</Tag>
          ) : null}
          {r.worseCount > 0 ? (
            <Tag color="red">{t('checkupReport.worseCount', { count: r.worseCount })}</Tag>
          ) : null}
          {r.betterCount > 0 ? (
            <Tag color="success">{t('checkupReport.betterCount', { count: r.betterCount })}</Tag>
          ) : null}
          {r.resolvedCount > 0 ? (
            <Tag color="success">{t('checkupReport.resolvedCount', { count: r.resolvedCount })}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, r) => (
        <Button
          size="small"
          type="primary"
          data-testid="open-report"
          aria-label={t('checkupReport.openOf', { date: formatDay(r.performedAt, i18n.language) })}
          onClick={() => onOpen(r.id)}
        >
          {t('checkupReport.open')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={<h2 className="card-heading">{t('checkupReport.listTitle')}</h2>}>
      {reports.error ? <QueryError error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      <Table<CheckupReportSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={reports.isPending}
        pagination={false}
        onRow={() => rowProps}
        locale={{ emptyText: t('checkupReport.empty') }}
      />
      {reports.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void reports.fetchNextPage()} loading={reports.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
