import type { Staff } from '@careloop/contracts';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { useStaffList } from '../hooks/use-admin';
import { useDepartmentName } from '../hooks/use-department-name';
import { EditStaffModal } from './EditStaffModal';

export function StaffPage() {
  const { t } = useTranslation();
  const staff = useStaffList();
  const departmentName = useDepartmentName();
  const [editing, setEditing] = useState<Staff | null>(null);

  const columns: TableColumnsType<Staff> = [
    { title: t('staff.name'), dataIndex: 'name', key: 'name' },
    { title: t('staff.email'), key: 'email', render: (_, s) => s.email ?? '' },
    {
      title: t('staff.roles'),
      key: 'roles',
      render: (_, s) => s.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>),
    },
    {
      title: t('staff.department'),
      key: 'department',
      render: (_, s) => departmentName(s.departmentId) ?? t('staff.noDepartment'),
    },
    { title: t('staff.jobTitle'), key: 'title', render: (_, s) => s.title ?? '' },
    {
      title: t('staff.active'),
      key: 'active',
      render: (_, s) => (s.active ? t('common.yes') : t('common.no')),
    },
    {
      title: t('staff.mfa'),
      key: 'mfa',
      render: (_, s) => (s.mfaEnabled ? t('staff.mfaOn') : t('staff.mfaOff')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Button size="small" onClick={() => setEditing(s)} aria-label={`${t('common.edit')} ${s.name}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle>{t('staff.title')}</PageTitle>
      {staff.error ? <QueryError error={staff.error} onRetry={() => void staff.refetch()} /> : null}
      <Table<Staff>
        rowKey="id"
        columns={columns}
        dataSource={staff.data ?? []}
        loading={staff.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('staff.empty') }}
      />
      {editing ? <EditStaffModal staff={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
