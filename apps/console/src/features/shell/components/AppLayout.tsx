import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { orgNameOf, useStaffMe } from '../../auth/hooks/use-me';
import { SignOutButton } from '../../auth/components/SignOutButton';
import { navItems, selectedKeyFor } from '../nav-items';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../../followup/components/NotificationBell';
import { IncomingCallBanner } from '../../call/components/IncomingCallBanner';

/** The signed-in shell: brand and menu on the left, who and where in the header, the page in <main>. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useStaffMe();
  const { pathname } = useLocation();
  const orgName = orgNameOf(me);
  // On a narrow screen (phone) the menu folds away behind a button in the header, and folds again after a move.
  const [narrow, setNarrow] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        width={232}
        theme="light"
        className="app-sider"
        breakpoint="md"
        collapsedWidth={0}
        collapsed={narrow && !menuOpen}
        onBreakpoint={setNarrow}
        trigger={null}
        id="app-menu"
      >
        <div className="app-brand">{t('app.product')}</div>
        <nav aria-label={t('nav.main')}>
          <Menu mode="inline" selectedKeys={[selectedKeyFor(pathname)]} items={navItems(me, t)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          {narrow ? (
            <Button
              icon={<MenuOutlined aria-hidden />}
              aria-label={t('nav.main')}
              aria-expanded={menuOpen}
              aria-controls="app-menu"
              onClick={() => setMenuOpen((open) => !open)}
            />
          ) : null}
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
        <IncomingCallBanner />
      </Layout>
    </Layout>
  );
}
