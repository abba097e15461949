import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from './usePageTitle.ts';

interface PageHeaderProps {
  title: string;
  /** Where the back button leads; omitted on the top-level tab pages. */
  backTo?: string;
  extra?: ReactNode;
}

export function PageHeader({ title, backTo, extra }: PageHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(title);
  return (
    <header className="page-header">
      {backTo !== undefined && (
        <button type="button" className="page-header-back" onClick={() => void navigate(backTo)}>
          <span aria-hidden="true">‹&nbsp;</span>
          {t('common.back')}
        </button>
      )}
      <h1>{title}</h1>
      {extra !== undefined && <div style={{ marginLeft: 'auto' }}>{extra}</div>}
    </header>
  );
}
