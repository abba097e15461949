import type { SessionInfo } from '@careloop/contracts';
import { App, Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { useRevokeSession, useSessions } from '../hooks/use-security';

export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const sessions = useSessions();
  const revoke = useRevokeSession();

  async function revokeOne(id: string) {
    try {
      await revoke.mutateAsync(id);
      void message.success(t('security.revoked'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<SessionInfo> = [
    {
      title: t('security.device'),
      key: 'device',
      render: (_, s) => (
        <>
          {s.userAgent ?? ''} {s.current ? <Tag>{t('security.current')}</Tag> : null}
        </>
      ),
    },
    { title: t('security.ip'), key: 'ip', render: (_, s) => s.ip ?? '' },
    {
      title: t('security.createdAt'),
      key: 'createdAt',
      className: 'nowrap',
      render: (_, s) => formatDateTime(s.createdAt, i18n.language),
    },
    {
      title: t('security.lastSeenAt'),
      key: 'lastSeen',
      className: 'nowrap',
      render: (_, s) => formatDateTime(s.lastSeenAt, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) =>
        s.current ? null : (
          <Button
            size="small"
            danger
            loading={revoke.isPending && revoke.variables === s.id}
            onClick={() => void revokeOne(s.id)}
          >
            {t('common.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Card title={<h2 className="card-heading">{t('security.sessionsTitle')}</h2>}>
      {sessions.error ? <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
      <Table<SessionInfo>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isPending}
        pagination={false}
        locale={{ emptyText: t('security.sessionsEmpty') }}
      />
    </Card>
  );
}
