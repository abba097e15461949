import type { CheckupImportJob } from '@careloop/contracts';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useImportHistory } from '../hooks/use-imports';
import { STATUS_COLORS } from '../lib/import-progress';

const rowProps = { 'data-testid': 'import-history-row' } as HTMLAttributes<HTMLElement>;

/** Recent imports of the organization; "open" shows one in the job card above. */
export function ImportHistoryCard({
  selectedId,
  onOpen,
}: {
  selectedId: string | null;
  onOpen: (jobId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const history = useImportHistory();
  const rows = history.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<CheckupImportJob> = [
    {
      title: t('checkupImport.createdAt'),
      key: 'createdAt',
      width: 180,
      render: (_, job) => <span className="nowrap">{formatDateTime(job.createdAt, i18n.language)}</span>,
    },
    {
      title: t('checkupImport.createdBy'),
      key: 'createdBy',
      width: 120,
      render: (_, job) => job.createdBy.name,
    },
    {
      title: t('checkupImport.files'),
      key: 'files',
      ellipsis: true,
      render: (_, job) => job.files.map((f) => f.name).join(t('checkupImport.listSeparator')),
    },
    {
      title: t('checkupImport.statusLabel'),
      key: 'status',
      width: 110,
      render: (_, job) => (
        <Tag color={STATUS_COLORS[job.status]}>{t(`checkupImport.status.${job.status}`)}</Tag>
      ),
    },
    {
      title: t('checkupImport.reportsColumn'),
      key: 'reports',
      width: 130,
      render: (_, job) => `${job.processedReports} / ${job.totalReports}`,
    },
    { title: t('checkupImport.reportsCreated'), dataIndex: 'reportsCreated', key: 'created', width: 110 },
    { title: t('checkupImport.problemCount'), dataIndex: 'problemCount', key: 'problems', width: 100 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, job) => (
        <Button
          size="small"
          type={job.id === selectedId ? 'primary' : 'default'}
          aria-pressed={job.id === selectedId}
          aria-label={t('checkupImport.openJobOf', { at: formatDateTime(job.createdAt, i18n.language) })}
          onClick={() => onOpen(job.id)}
        >
          {t('checkupImport.openJob')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={<h2 className="card-heading">{t('checkupImport.historyTitle')}</h2>}>
      {history.error ? <QueryError error={history.error} onRetry={() => void history.refetch()} /> : null}
      <Table<CheckupImportJob>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={history.isPending}
        pagination={false}
        onRow={() => rowProps}
        locale={{ emptyText: t('checkupImport.historyEmpty') }}
      />
      {history.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
