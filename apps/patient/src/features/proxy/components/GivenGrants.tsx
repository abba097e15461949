import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { proxyApi } from '../api/proxy.api.ts';
import { GrantForm } from './GrantForm.tsx';
import { GrantItem } from './GrantItem.tsx';

export function GivenGrants({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const queryKey = ['proxy-grants', patientId];
  const grants = useQuery({ queryKey, queryFn: () => proxyApi.listGiven(patientId) });
  const [message, setMessage] = useState<'created' | 'revoked' | null>(null);
  const revoke = useMutation({
    mutationFn: (grantId: string) => proxyApi.revoke(patientId, grantId),
    onSuccess: () => {
      setMessage('revoked');
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  return (
    <div className="stack" style={{ marginTop: 8 }}>
      {message === 'created' && <Notice tone="success">{t('proxy.created')}</Notice>}
      {message === 'revoked' && <Notice tone="success">{t('proxy.revoked')}</Notice>}
      <ErrorNotice error={revoke.error} />
      {grants.isPending && <Loading />}
      <ErrorNotice error={grants.error} />
      {grants.data?.length === 0 && <p className="muted">{t('proxy.givenEmpty')}</p>}
      {grants.data && grants.data.length > 0 && (
        <ul className="items" aria-label={t('proxy.given')}>
          {grants.data.map((grant) => (
            <GrantItem
              key={grant.id}
              grant={grant}
              onRevoke={() => revoke.mutate(grant.id)}
              revoking={revoke.isPending && revoke.variables === grant.id}
            />
          ))}
        </ul>
      )}
      <GrantForm
        patientId={patientId}
        onCreated={() => {
          setMessage('created');
          void queryClient.invalidateQueries({ queryKey });
        }}
      />
    </div>
  );
}
