import { Layout, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { orgNameOf, useStaffMe } from '../../auth/hooks/use-me';
import { SignOutButton } from '../../auth/components/SignOutButton';
import { navItems, selectedKeyFor } from '../nav-items';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../../followup/components/NotificationBell';

/** The signed-in shell: brand and menu on the left, who and where in the header, the page in <main>. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useStaffMe();
  const { pathname } = useLocation();
  const orgName = orgNameOf(me);

  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider width={232} theme="light" className="app-sider">
        <div className="app-brand">{t('app.product')}</div>
        <nav aria-label={t('nav.main')}>
          <Menu mode="inline" selectedKeys={[selectedKeyFor(pathname)]} items={navItems(me, t)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <div className="app-header__who">
            {orgName ? (
              <span>
                <span className="visually-hidden">{t('header.org')}: </span>
                <Typography.Text strong>{orgName}</Typography.Text>
              </span>
            ) : null}
            <span>
              <span className="visually-hidden">{t('header.user')}: </span>
              {me.displayName}
            </span>
          </div>
          <div className="app-header__actions">
            <NotificationBell />
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
