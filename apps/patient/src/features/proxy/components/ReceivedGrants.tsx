import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { proxyApi } from '../api/proxy.api.ts';
import { GrantItem } from './GrantItem.tsx';

export function ReceivedGrants() {
  const { t } = useTranslation();
  const grants = useQuery({ queryKey: ['my-proxy-grants'], queryFn: proxyApi.listReceived });
  if (grants.isPending) return <Loading />;
  if (grants.error) return <ErrorNotice error={grants.error} />;
  if (grants.data.length === 0) return <p className="muted">{t('proxy.receivedEmpty')}</p>;
  return (
    <ul className="items" aria-label={t('proxy.received')}>
      {grants.data.map((grant) => (
        <GrantItem key={grant.id} grant={grant} />
      ))}
    </ul>
  );
}
