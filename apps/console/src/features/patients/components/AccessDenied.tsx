import { WarningOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { BREAK_GLASS_ROLES } from '../../auth/roles';
import { BreakGlassModal } from './BreakGlassModal';

/** No care relationship: say so, and offer break-glass to those who may use it. */
export function AccessDenied({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const me = useStaffMe();
  const [open, setOpen] = useState(false);
  const mayBreakGlass = hasAnyRole(me, BREAK_GLASS_ROLES);

  return (
    <div data-testid="access-denied">
      <Result
        status="403"
        title={<h1 className="result-heading">{t('accessDenied.title')}</h1>}
        subTitle={
          <>
            <p>{t('accessDenied.detail')}</p>
            <p>{mayBreakGlass ? t('accessDenied.breakGlassHint') : t('accessDenied.notAllowed')}</p>
          </>
        }
        extra={
          mayBreakGlass ? (
            <Button
              danger
              icon={<WarningOutlined aria-hidden />}
              onClick={() => setOpen(true)}
              data-testid="break-glass-open"
            >
              {t('accessDenied.open')}
            </Button>
          ) : null
        }
      />
      <BreakGlassModal patientId={patientId} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
