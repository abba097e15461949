import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../../preferences/components/LanguageToggle.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

/** The frame of the signed-out pages: brand, language switch and one form. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <main className="auth-page" id="main">
      <div className="auth-brand">
        <img src="/icon.svg" alt="" />
        <div style={{ flex: 1 }}>
          <p style={{ fontWeight: 700 }}>{t('app.name')}</p>
          <p className="muted">{t('app.tagline')}</p>
        </div>
        <LanguageToggle />
      </div>
      <h1 style={{ marginBottom: 16 }}>{title}</h1>
      {children}
    </main>
  );
}
