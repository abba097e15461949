import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { MonitoringBackground } from '../../monitoring/components/MonitoringBackground.tsx';
import { ActingProfileProvider } from '../../profiles/components/ActingProfileProvider.tsx';
import { TabBarNav } from './TabBarNav.tsx';
import { IncomingCallBanner } from '../../call/components/IncomingCallBanner.tsx';

/** The signed-in frame: skip link, the page in <main>, the tab bar in <nav>, and home monitoring's background work
 *  (sending readings typed offline, advice from alerts). */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <ActingProfileProvider>
      <div className="app-shell">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
        <TabBarNav />
        <MonitoringBackground />
        <IncomingCallBanner />
      </div>
    </ActingProfileProvider>
  );
}
