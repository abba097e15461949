import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { useEntries, useEntryWrites } from '../hooks/use-record-writes';
import type { EntryKindKey } from '../lib/entry-forms';
import { entryColumns, type AnyEntry, type EntryKinds } from './entry-columns';
import { EntryFormDrawer } from './EntryFormDrawer';
import { RecordCard } from './RecordCard';
import { SourceTag } from './SourceTag';

/** One section of the record: its entries (active first), with add, edit and delete for the care team. */
export function EntrySection<K extends EntryKindKey>({
  patientId,
  kind,
  canEdit,
}: {
  patientId: string;
  kind: K;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const entries = useEntries<EntryKinds[K]>(patientId, kind);
  const { remove } = useEntryWrites(patientId, kind);
  const [editing, setEditing] = useState<AnyEntry | 'new' | null>(null);
  const title = t(`record.sections.${kind}`);

  async function removeEntry(entry: AnyEntry) {
    try {
      await remove.mutateAsync(entry.id);
      void message.success(t('record.sections.deleted'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<EntryKinds[K]> = [
    ...entryColumns(kind, t, i18n.language),
    {
      key: 'source',
      title: t('record.sections.source'),
      render: (_, e: AnyEntry) => (
        <SourceTag source={e.source} sourceOrg={e.sourceOrg} recordedBy={e.recordedBy?.name} />
      ),
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      render: (_, e: AnyEntry) => (
        <Space size={4}>
          <Button size="small" type="link" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(e)}>
            {t('common.edit')}
          </Button>
          {e.source === 'self' ? null : (
            <Popconfirm
              title={t('record.sections.deleteConfirm')}
              okText={t('record.sections.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => removeEntry(e)}
            >
              <Button size="small" type="link" danger icon={<DeleteOutlined aria-hidden />}>
                {t('record.sections.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });

  return (
    <RecordCard
      title={title}
      testId={`section-${kind}`}
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
            aria-label={t('record.sections.addTitle', { section: title })}
            data-testid={`add-${kind}`}
          >
            {t('record.sections.add')}
          </Button>
        ) : null
      }
    >
      {entries.isError ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Table<EntryKinds[K]>
          size="small"
          rowKey="id"
          loading={entries.isPending}
          columns={columns}
          dataSource={entries.data ?? []}
          pagination={(entries.data?.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('record.sections.empty') }}
          scroll={{ x: 'max-content' }}
        />
      )}
      {editing ? (
        <EntryFormDrawer
          patientId={patientId}
          kind={kind}
          entry={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </RecordCard>
  );
}
