import type { CheckupItemMapping } from '@careloop/contracts';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { useDebounced } from '../hooks/use-debounced';
import { useDeleteMapping, useMappings } from '../hooks/use-mappings';
import type { MappingTarget } from './MappingModal';

const rowProps = { 'data-testid': 'mapping-row' } as HTMLAttributes<HTMLElement>;

/** The organization's mapping table: local item name -> LOINC analyte, with edit and delete. */
export function MappingsCard({ onEdit }: { onEdit: (target: MappingTarget) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState('');
  const q = useDebounced(draft.trim(), 300);
  const mappings = useMappings(q);
  const remove = useDeleteMapping();
  const rows = mappings.data?.pages.flatMap((page) => page.items) ?? [];

  async function removeMapping(mapping: CheckupItemMapping) {
    try {
      await remove.mutateAsync(mapping.id);
      void message.success(t('checkupMappings.deleted', { name: mapping.localName }));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<CheckupItemMapping> = [
    { title: t('checkupMappings.localName'), dataIndex: 'localName', key: 'localName' },
    {
      title: t('checkupMappings.analyte'),
      key: 'analyte',
      render: (_, m) => (
        <span>
          {i18n.language === 'en-US' ? m.analyteNameEn : m.analyteNameZh}{' '}
          <span className="muted">({m.loinc})</span>
        </span>
      ),
    },
    { title: t('checkupMappings.unit'), key: 'unit', width: 110, render: (_, m) => m.unit ?? '' },
    {
      title: t('checkupMappings.updated'),
      key: 'updated',
      width: 220,
      render: (_, m) =>
        m.updatedBy
          ? t('checkupMappings.updatedBy', {
              name: m.updatedBy,
              at: formatDateTime(m.updatedAt, i18n.language),
            })
          : formatDateTime(m.updatedAt, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, m) => (
        <Space>
          <Button
            size="small"
            aria-label={`${t('common.edit')} ${m.localName}`}
            onClick={() => onEdit({ kind: 'edit', mapping: m })}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('checkupMappings.deleteConfirm', { name: m.localName })}
            okText={t('checkupMappings.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => void removeMapping(m)}
          >
            <Button size="small" danger aria-label={`${t('checkupMappings.delete')} ${m.localName}`}>
              {t('checkupMappings.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="card-heading">{t('checkupMappings.mappingsTitle')}</h2>}
      extra={
        <Space wrap>
          <Input
            aria-label={t('checkupMappings.searchMappings')}
            placeholder={t('checkupMappings.searchPlaceholder')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            allowClear
            maxLength={60}
            prefix={<SearchOutlined aria-hidden />}
            className="checkup-mappings__search"
          />
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => onEdit({ kind: 'new', localName: '', suggestedLoinc: null, unit: null })}
          >
            {t('checkupMappings.createTitle')}
          </Button>
        </Space>
      }
    >
      {mappings.error ? <QueryError error={mappings.error} onRetry={() => void mappings.refetch()} /> : null}
      <Table<CheckupItemMapping>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={mappings.isFetching && !mappings.isFetchingNextPage}
        pagination={false}
        onRow={() => rowProps}
        locale={{ emptyText: q ? t('checkupMappings.mappingsNoMatch') : t('checkupMappings.mappingsEmpty') }}
      />
      {mappings.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void mappings.fetchNextPage()} loading={mappings.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
