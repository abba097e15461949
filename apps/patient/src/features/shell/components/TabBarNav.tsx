import { TabBar } from 'antd-mobile';
import { AppOutline, FileOutline, MessageOutline, AppstoreOutline, UserOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

type TabKey = 'home' | 'consult' | 'records' | 'services' | 'me';

const tabs: { key: TabKey; icon: ReactNode }[] = [
  { key: 'home', icon: <AppOutline /> },
  { key: 'consult', icon: <MessageOutline /> },
  { key: 'records', icon: <FileOutline /> },
  { key: 'services', icon: <AppstoreOutline /> },
  { key: 'me', icon: <UserOutline /> },
];

function activeTab(pathname: string): TabKey {
  const first = pathname.split('/')[1] ?? '';
  return tabs.find((tab) => tab.key === first)?.key ?? 'home';
}

/** The bottom tab bar. Each item is a real link, so it works with the keyboard and announces the current page;
 *  the active tab is shown by a top bar and bold text as well as colour. */
export function TabBarNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav className="tabbar" aria-label={t('nav.label')}>
      <TabBar activeKey={activeTab(pathname)} safeArea={false}>
        {tabs.map((tab) => (
          <TabBar.Item
            key={tab.key}
            data-testid={`tab-${tab.key}`}
            title={() => (
              <NavLink
                to={`/${tab.key}`}
                className={({ isActive }) => `tabbar-link${isActive ? ' active' : ''}`}
              >
                <span className="tabbar-icon" aria-hidden="true">
                  {tab.icon}
                </span>
                <span>{t(`nav.${tab.key}`)}</span>
              </NavLink>
            )}
          />
        ))}
      </TabBar>
    </nav>
  );
}
