import type { UnmappedCheckupItem } from '@careloop/contracts';
import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDay } from '../../followup/lib/due';
import { useUnmapped } from '../hooks/use-mappings';
import { useDebounced } from '../hooks/use-debounced';
import type { MappingTarget } from './MappingModal';

const rowProps = { 'data-testid': 'unmapped-row' } as HTMLAttributes<HTMLElement>;

/** Local item names stored without a code, most frequent first; each can be mapped from here. */
export function UnmappedItemsCard({ onMap }: { onMap: (target: MappingTarget) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const q = useDebounced(draft.trim(), 300);
  const unmapped = useUnmapped(q);
  const rows = unmapped.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<UnmappedCheckupItem> = [
    {
      title: t('checkupMappings.localName'),
      key: 'localName',
      render: (_, item) => <Typography.Text strong>{item.localName}</Typography.Text>,
    },
    {
      title: t('checkupMappings.count'),
      key: 'count',
      width: 150,
      render: (_, item) => t('checkupMappings.countText', { count: item.count, patients: item.patientCount }),
    },
    {
      title: t('checkupMappings.examples'),
      key: 'examples',
      render: (_, item) => (
        <span>
          {item.exampleValues.join(t('checkupImport.listSeparator'))}
          {item.units.length > 0 ? (
            <Typography.Text type="secondary"> ({item.units.join(', ')})</Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('checkupMappings.seen'),
      key: 'seen',
      width: 200,
      render: (_, item) => (
        <span className="checkup-mappings__seen">
          <span>{t('checkupMappings.firstSeen', { at: formatDay(item.firstSeenAt, i18n.language) })}</span>
          <span>{t('checkupMappings.lastSeen', { at: formatDay(item.lastSeenAt, i18n.language) })}</span>
        </span>
      ),
    },
    {
      title: t('checkupMappings.suggested'),
      key: 'suggested',
      width: 120,
      render: (_, item) => (item.suggestedLoinc ? <Tag>{item.suggestedLoinc}</Tag> : null),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, item) => (
        <Button
          size="small"
          type="primary"
          data-testid="map-item"
          aria-label={t('checkupMappings.mapItem', { name: item.localName })}
          onClick={() =>
            onMap({
              kind: 'new',
              localName: item.localName,
              suggestedLoinc: item.suggestedLoinc,
              unit: item.units[0] ?? null,
            })
          }
        >
          {t('checkupMappings.map')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="card-heading">{t('checkupMappings.unmappedTitle')}</h2>}
      extra={
        <Input
          aria-label={t('checkupMappings.searchUnmapped')}
          placeholder={t('checkupMappings.searchPlaceholder')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          allowClear
          maxLength={60}
          prefix={<SearchOutlined aria-hidden />}
          className="checkup-mappings__search"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('checkupMappings.unmappedIntro')}</Typography.Paragraph>
      {unmapped.error ? <QueryError error={unmapped.error} onRetry={() => void unmapped.refetch()} /> : null}
      <Table<UnmappedCheckupItem>
        rowKey="localNameNormalized"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={unmapped.isFetching && !unmapped.isFetchingNextPage}
        pagination={false}
        onRow={() => rowProps}
        locale={{ emptyText: q ? t('checkupMappings.unmappedNoMatch') : t('checkupMappings.unmappedEmpty') }}
      />
      {unmapped.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void unmapped.fetchNextPage()} loading={unmapped.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
