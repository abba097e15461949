import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../ui/Notice.tsx';
import { useSignOut } from '../hooks/useSignOut.ts';
import { AuthLayout } from './AuthLayout.tsx';

/** A staff account signed in here: the patient app is not for staff, the console is (with MFA). */
export function StaffNotice() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <AuthLayout title={t('auth.staffTitle')}>
      <Notice tone="info">{t('auth.staffBody')}</Notice>
      <div className="stack">
        <a className="button-link" href="/console/" data-testid="staff-open-console">
          {t('auth.openConsole')}
        </a>
        <Button
          block
          onClick={() => signOut.mutate()}
          loading={signOut.isPending}
          data-testid="staff-sign-out"
        >
          {t('common.signOut')}
        </Button>
      </div>
    </AuthLayout>
  );
}
