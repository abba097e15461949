import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../api/types';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useInvitations } from '../hooks/use-admin';
import { InviteModal } from './InviteModal';

function statusOf(invitation: Invitation): 'accepted' | 'expired' | 'pending' {
  if (invitation.acceptedAt) return 'accepted';
  return new Date(invitation.expiresAt).getTime() < Date.now() ? 'expired' : 'pending';
}

export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const invitations = useInvitations();
  const [inviting, setInviting] = useState(false);

  const columns: TableColumnsType<Invitation> = [
    { title: t('invitations.name'), dataIndex: 'name', key: 'name' },
    { title: t('invitations.email'), dataIndex: 'email', key: 'email' },
    {
      title: t('invitations.roles'),
      key: 'roles',
      render: (_, inv) => inv.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>),
    },
    { title: t('invitations.status'), key: 'status', render: (_, inv) => t(`invitations.${statusOf(inv)}`) },
    {
      title: t('invitations.createdAt'),
      key: 'createdAt',
      render: (_, inv) => formatDateTime(inv.createdAt, i18n.language),
    },
    {
      title: t('invitations.expiresAt'),
      key: 'expiresAt',
      render: (_, inv) => formatDateTime(inv.expiresAt, i18n.language),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setInviting(true)}>
            {t('invitations.invite')}
          </Button>
        }
      >
        {t('invitations.title')}
      </PageTitle>
      {invitations.error ? (
        <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : null}
      <Table<Invitation>
        rowKey="id"
        columns={columns}
        dataSource={invitations.data ?? []}
        loading={invitations.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('invitations.empty') }}
      />
      {inviting ? <InviteModal onClose={() => setInviting(false)} /> : null}
    </>
  );
}
