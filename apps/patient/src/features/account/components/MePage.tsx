import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { LinkList } from '../../../ui/LinkList.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAccount } from '../../auth/hooks/useMe.ts';
import { useSignOut } from '../../auth/hooks/useSignOut.ts';
import { useLocale } from '../../preferences/hooks/useLocale.ts';
import { useElderMode } from '../../preferences/hooks/useElderMode.ts';

export function MePage() {
  const { t } = useTranslation();
  const account = useAccount();
  const signOut = useSignOut();
  const { locale } = useLocale();
  const { elderMode } = useElderMode();
  return (
    <div className="page stack">
      <PageHeader title={t('me.title')} />
      <section className="card" aria-labelledby="account-name">
        <h2 id="account-name" data-testid="me-name">
          {account.displayName}
        </h2>
        <p className="muted">{[account.phoneMasked, account.email].filter(Boolean).join(' · ')}</p>
      </section>
      <nav aria-label={t('me.settings')}>
        <LinkList
          entries={[
            { to: '/referrals', label: t('referrals.entry'), testId: 'me-referrals' },
            { to: '/me/family', label: t('me.family'), testId: 'me-family' },
            { to: '/me/proxy', label: t('me.proxy'), testId: 'me-proxy' },
            {
              to: '/me/language',
              label: t('me.language'),
              extra: locale === 'zh-CN' ? t('language.zhCN') : t('language.enUS'),
              testId: 'me-language',
            },
            {
              to: '/me/elder-mode',
              label: t('me.elderMode'),
              extra: elderMode ? t('elder.stateOn') : t('elder.stateOff'),
              testId: 'me-elder-mode',
            },
            { to: '/me/notifications', label: t('notifySettings.title'), testId: 'me-notifications' },
            { to: '/me/sessions', label: t('me.sessions'), testId: 'me-sessions' },
            { to: '/me/password', label: t('me.changePassword'), testId: 'me-password' },
          ]}
        />
      </nav>
      <Button
        block
        color="danger"
        fill="outline"
        onClick={() => signOut.mutate()}
        loading={signOut.isPending}
        data-testid="sign-out"
      >
        {t('common.signOut')}
      </Button>
    </div>
  );
}
