import type { AuditEvent } from '@careloop/contracts';
import { LockOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

interface Props {
  rows: AuditEvent[];
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

const rowProps = { 'data-testid': 'audit-row' } as HTMLAttributes<HTMLElement>;

export function AuditTable({ rows, loading, hasMore, loadingMore, onLoadMore }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.time'),
      key: 'at',
      className: 'nowrap',
      render: (_, e) => formatDateTime(e.at, i18n.language),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) => e.actorName ?? (e.actorId ? e.actorId : t('audit.system')),
    },
    { title: t('audit.action'), key: 'action', render: (_, e) => <code>{e.action}</code> },
    { title: t('audit.patient'), key: 'patient', render: (_, e) => e.patientName ?? e.patientId ?? '' },
    {
      title: t('audit.resource'),
      key: 'resource',
      render: (_, e) => (e.resourceId ? `${e.resourceType} ${e.resourceId}` : e.resourceType),
    },
    { title: t('audit.reason'), key: 'reason', render: (_, e) => e.reason ?? '' },
    {
      title: t('audit.sealed'),
      key: 'sealed',
      width: 90,
      render: (_, e) =>
        e.sealed ? (
          <span>
            <LockOutlined aria-hidden /> {t('common.yes')}
          </span>
        ) : (
          t('common.no')
        ),
    },
  ];

  return (
    <>
      <Table<AuditEvent>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        onRow={() => rowProps}
        locale={{ emptyText: t('audit.empty') }}
        size="small"
      />
      <div className="load-more">
        {hasMore ? (
          <Button onClick={onLoadMore} loading={loadingMore}>
            {t('common.loadMore')}
          </Button>
        ) : rows.length > 0 ? (
          <span className="muted">{t('common.noMore')}</span>
        ) : null}
      </div>
    </>
  );
}
