import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../api/types';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { useApiTokens, useRevokeApiToken } from '../hooks/use-security';
import { CreateTokenModal } from './CreateTokenModal';

export function ApiTokensCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);

  async function revokeOne(token: ApiToken) {
    try {
      await revoke.mutateAsync(token.id);
      void message.success(t('security.tokenRevoked'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<ApiToken> = [
    { title: t('security.tokenName'), dataIndex: 'name', key: 'name' },
    {
      title: t('security.scopes'),
      key: 'scopes',
      render: (_, tk) => tk.scopes.map((s) => <Tag key={s}>{s}</Tag>),
    },
    {
      title: t('security.lastUsedAt'),
      key: 'lastUsed',
      render: (_, tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, i18n.language) : t('security.never')),
    },
    {
      title: t('security.expiresAt'),
      key: 'expires',
      render: (_, tk) =>
        tk.expiresAt ? formatDateTime(tk.expiresAt, i18n.language) : t('security.noExpiry'),
    },
    {
      title: t('security.tokenStatus'),
      key: 'status',
      render: (_, tk) => (tk.revokedAt ? t('security.tokenRevokedStatus') : t('security.tokenActive')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, tk) =>
        tk.revokedAt ? null : (
          <Popconfirm
            title={`${t('common.revoke')} ${tk.name}?`}
            okText={t('common.revoke')}
            cancelText={t('common.cancel')}
            onConfirm={() => revokeOne(tk)}
          >
            <Button size="small" danger aria-label={`${t('common.revoke')} ${tk.name}`}>
              {t('common.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={<h2 className="card-heading">{t('security.tokensTitle')}</h2>}
      extra={
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('security.tokenCreate')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('security.tokensIntro')}</Typography.Paragraph>
      {tokens.error ? <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isPending}
        pagination={false}
        locale={{ emptyText: t('security.tokensEmpty') }}
      />
      {creating ? <CreateTokenModal onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
