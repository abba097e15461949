import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpenAlertCount } from '../hooks/use-alerts';
import { useAlertsLive } from '../hooks/use-monitoring-live';

/**
 * The menu's "预警" with the number of open alerts. It is in the shell on every page, so it also holds the one
 * subscription that keeps alert views current.
 */
export function AlertsNavLabel() {
  const { t } = useTranslation();
  useAlertsLive();
  const open = useOpenAlertCount(true);
  const count = open.data?.count ?? 0;
  const over = (open.data?.more ?? false) || count > 99;
  return (
    <span className="alerts-nav-label">
      {t('monitoring.nav.alerts')}
      {count > 0 ? (
        <>
          <Badge count={count} overflowCount={99} color="#c41d1f" aria-hidden data-testid="alerts-badge" />
          <span className="visually-hidden">
            {over
              ? t('monitoring.nav.openAlertsMore', { count: 99 })
              : t('monitoring.nav.openAlerts', { count })}
          </span>
        </>
      ) : null}
    </span>
  );
}
