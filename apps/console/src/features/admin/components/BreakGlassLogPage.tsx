import type { BreakGlassGrant } from '@careloop/contracts';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useBreakGlassLog } from '../hooks/use-admin';

export function BreakGlassLogPage() {
  const { t, i18n } = useTranslation();
  const log = useBreakGlassLog(200);

  const columns: TableColumnsType<BreakGlassGrant> = [
    {
      title: t('breakGlass.time'),
      key: 'createdAt',
      width: 180,
      render: (_, g) => formatDateTime(g.createdAt, i18n.language),
    },
    { title: t('breakGlass.staff'), dataIndex: 'staffName', key: 'staff' },
    { title: t('breakGlass.patient'), dataIndex: 'patientName', key: 'patient' },
    { title: t('breakGlass.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('breakGlass.expiresAt'),
      key: 'expiresAt',
      width: 180,
      render: (_, g) => formatDateTime(g.expiresAt, i18n.language),
    },
  ];

  return (
    <>
      <PageTitle>{t('breakGlass.title')}</PageTitle>
      {log.error ? <QueryError error={log.error} onRetry={() => void log.refetch()} /> : null}
      <Table<BreakGlassGrant>
        rowKey="id"
        columns={columns}
        dataSource={log.data ?? []}
        loading={log.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('breakGlass.empty') }}
      />
    </>
  );
}
