import type { ProxyGrant } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { formatDateTime } from '../../records/components/format.ts';
import { grantState } from '../api/proxy.api.ts';

interface GrantItemProps {
  grant: ProxyGrant;
  /** Present for grants this account gave and may revoke. */
  onRevoke?: () => void;
  revoking?: boolean;
}

const tagColor = { active: 'success', revoked: 'default', expired: 'warning' } as const;
const stateKey = { active: 'proxy.active', revoked: 'proxy.revokedState', expired: 'proxy.expired' } as const;

export function GrantItem({ grant, onRevoke, revoking }: GrantItemProps) {
  const { t, i18n } = useTranslation();
  const state = grantState(grant);
  return (
    <li className="item" data-testid="proxy-grant-item">
      <div className="item-title">
        <span>{t('proxy.grantLine', { patient: grant.patientName, grantee: grant.granteeName })}</span>
        <Tag color={tagColor[state]} fill="outline">
          {t(stateKey[state])}
        </Tag>
      </div>
      <p className="muted">{grant.scopes.map((s) => t(`scope.${s}`)).join(t('common.listSeparator'))}</p>
      <p className="muted">{t('proxy.until', { date: formatDateTime(grant.expiresAt, i18n.language) })}</p>
      {onRevoke && state === 'active' && (
        <div style={{ marginTop: 8 }}>
          <InlineConfirm
            label={t('proxy.revoke')}
            question={t('proxy.revokeConfirm', { name: grant.granteeName })}
            onConfirm={onRevoke}
            busy={revoking}
            testId="proxy-revoke"
          />
        </div>
      )}
    </li>
  );
}
