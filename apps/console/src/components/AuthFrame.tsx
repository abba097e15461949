import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../features/shell/components/LanguageSwitch';

/** The centred frame of the pages outside the app shell: sign-in, MFA, invitation. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-frame">
      <header className="auth-frame__header">
        <span className="auth-frame__brand">
          {t('app.product')} · {t('app.tagline')}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-frame__main">
        <Card className="auth-frame__card">
          <Typography.Title level={1} className="auth-frame__title">
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </div>
  );
}
