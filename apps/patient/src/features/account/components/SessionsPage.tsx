import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { formatDateTime } from '../../records/components/format.ts';
import { accountApi } from '../api/account.api.ts';
import { deviceName } from './device-name.ts';

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: accountApi.sessions });
  const [revoked, setRevoked] = useState(false);
  const revoke = useMutation({
    mutationFn: accountApi.revokeSession,
    onSuccess: () => {
      setRevoked(true);
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  // The current device first, then the most recently used.
  const sorted = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  return (
    <div className="page stack">
      <PageHeader title={t('sessions.title')} backTo="/me" />
      <p>{t('sessions.intro')}</p>
      {revoked && <Notice tone="success">{t('sessions.revoked')}</Notice>}
      <ErrorNotice error={revoke.error} />
      {sessions.isPending && <Loading />}
      <ErrorNotice error={sessions.error} />
      {sessions.data?.length === 0 && <EmptyState title={t('sessions.empty')} />}
      {sorted.length > 0 && (
        <ul className="items" aria-label={t('sessions.title')}>
          {sorted.map((s) => (
            <li className="item" key={s.id} data-testid="session-item" data-current={s.current}>
              <div className="item-title">
                <span>{deviceName(s.userAgent) ?? t('sessions.unknownDevice')}</span>
                {s.current && (
                  <Tag color="primary" fill="outline" data-testid="session-current">
                    {t('sessions.current')}
                  </Tag>
                )}
              </div>
              <p className="muted">
                {t('sessions.lastSeen', { time: formatDateTime(s.lastSeenAt, i18n.language) })}
              </p>
              <p className="muted">
                {t('sessions.signedIn', { time: formatDateTime(s.createdAt, i18n.language) })}
              </p>
              {s.ip && <p className="muted">{t('sessions.ip', { ip: s.ip })}</p>}
              {!s.current && (
                <div style={{ marginTop: 8 }}>
                  <InlineConfirm
                    label={t('sessions.revoke')}
                    question={t('sessions.revokeConfirm')}
                    onConfirm={() => revoke.mutate(s.id)}
                    busy={revoke.isPending && revoke.variables === s.id}
                    testId="session-revoke"
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
