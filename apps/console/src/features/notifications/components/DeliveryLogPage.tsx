import { DeliveryChannel, DeliveryStatus, NotificationKind, type DeliveryLogItem } from '@careloop/contracts';
import { Button, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useDeliveryLog, type DeliveryFilters } from '../hooks/use-notification-settings';

const STATUS_COLOR: Record<DeliveryStatus, string> = {
  queued: 'processing',
  sent: 'success',
  failed: 'error',
  skipped: 'default',
};

/** 通知投递记录 (admins): every delivery beyond the inbox with its status, tries and last error code. */
export function DeliveryLogPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<DeliveryFilters>({});
  const log = useDeliveryLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<DeliveryLogItem> = [
    {
      title: t('deliveryLog.time'),
      key: 'createdAt',
      width: 170,
      render: (_, d) => formatDateTime(d.createdAt, i18n.language),
    },
    {
      title: t('deliveryLog.kind'),
      key: 'kind',
      render: (_, d) => (
        <>
          {t(`deliveryLog.kinds.${d.kind}`)}
          {d.urgent ? (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('deliveryLog.urgent')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('deliveryLog.channel'),
      key: 'channel',
      render: (_, d) => t(`notifySettings.channels.${d.channel}`),
    },
    {
      title: t('deliveryLog.status'),
      key: 'status',
      render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`deliveryLog.statuses.${d.status}`)}</Tag>,
    },
    { title: t('deliveryLog.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90 },
    {
      title: t('deliveryLog.due'),
      key: 'dueAt',
      width: 170,
      render: (_, d) => (d.dueAt !== d.createdAt ? formatDateTime(d.dueAt, i18n.language) : '—'),
    },
    { title: t('deliveryLog.lastError'), key: 'lastError', render: (_, d) => d.lastError ?? '—' },
  ];

  const select = <K extends keyof DeliveryFilters>(
    key: K,
    values: readonly string[],
    label: (v: string) => string,
  ) => (
    <Select
      allowClear
      style={{ minWidth: 160 }}
      placeholder={t(`deliveryLog.filter.${key}`)}
      aria-label={t(`deliveryLog.filter.${key}`)}
      value={filters[key]}
      onChange={(value) => setFilters({ ...filters, [key]: value ?? undefined })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <>
      <PageTitle>{t('deliveryLog.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        {select('status', DeliveryStatus.options, (v) => t(`deliveryLog.statuses.${v as DeliveryStatus}`))}
        {select('channel', DeliveryChannel.options, (v) =>
          t(`notifySettings.channels.${v as DeliveryChannel}`),
        )}
        {select('kind', NotificationKind.options, (v) => t(`deliveryLog.kinds.${v as NotificationKind}`))}
      </Space>
      {log.error ? <QueryError error={log.error} onRetry={() => void log.refetch()} /> : null}
      <Table<DeliveryLogItem>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={log.isPending}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('deliveryLog.empty') }}
        data-testid="delivery-log"
      />
      {log.hasNextPage ? (
        <Button
          style={{ marginTop: 16 }}
          onClick={() => void log.fetchNextPage()}
          loading={log.isFetchingNextPage}
        >
          {t('deliveryLog.more')}
        </Button>
      ) : null}
    </>
  );
}
