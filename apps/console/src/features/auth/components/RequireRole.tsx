import type { StaffRole } from '@careloop/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasAnyRole, useStaffMe } from '../hooks/use-me';

/** A page some roles may not open: they see why instead of a page of failed requests. */
export function RequireRole({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useStaffMe();
  const navigate = useNavigate();
  if (hasAnyRole(me, roles)) return children;
  return (
    <Result
      status="403"
      title={<h1 className="result-heading">{t('app.roleDenied')}</h1>}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('app.backHome')}
        </Button>
      }
    />
  );
}
