import type { Department } from '@careloop/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { useDepartments } from '../hooks/use-admin';
import { DepartmentModal } from './DepartmentModal';

export function DepartmentsPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  // `null` is a new department; a department is an edit; undefined is no dialog.
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);

  const columns: TableColumnsType<Department> = [
    { title: t('departments.code'), dataIndex: 'code', key: 'code' },
    { title: t('departments.nameZh'), key: 'nameZh', render: (_, d) => <span lang="zh-CN">{d.nameZh}</span> },
    { title: t('departments.nameEn'), key: 'nameEn', render: (_, d) => <span lang="en">{d.nameEn}</span> },
    {
      title: t('departments.active'),
      key: 'active',
      render: (_, d) => (d.active ? t('common.yes') : t('common.no')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Button size="small" onClick={() => setEditing(d)} aria-label={`${t('common.edit')} ${d.code}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t('departments.createTitle')}
          </Button>
        }
      >
        {t('departments.title')}
      </PageTitle>
      {departments.error ? (
        <QueryError error={departments.error} onRetry={() => void departments.refetch()} />
      ) : null}
      <Table<Department>
        rowKey="id"
        columns={columns}
        dataSource={departments.data ?? []}
        loading={departments.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('departments.empty') }}
      />
      {editing !== undefined ? (
        <DepartmentModal department={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
