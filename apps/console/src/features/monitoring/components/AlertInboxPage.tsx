import type { AlertSeverity } from '@careloop/contracts';
import { Button, Form, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRealtimeStatus } from '../../../api/realtime';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import type { AlertStatusFilter } from '../api/monitoring-api';
import { useAlertList } from '../hooks/use-alerts';
import { useNewUrgentAlerts } from '../hooks/use-monitoring-live';
import { ALERT_STATUS_FILTERS, SEVERITIES, isAlertStatusFilter, isSeverity } from '../lib/options';
import '../monitoring.css';
import { AlertDrawer } from './AlertDrawer';
import { AlertTable } from './AlertTable';
import { LiveStatus } from './LiveStatus';

type Scope = 'all' | 'mine';
const ANY_SEVERITY = 'any';

/**
 * The alert inbox: what the home readings raised, most recent first, updated live. Filters and the open alert
 * (?alert=<id>, where notifications link) live in the URL, so a link or a reload shows the same view.
 */
export function AlertInboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const severityParam = params.get('severity');
  const status: AlertStatusFilter = isAlertStatusFilter(statusParam) ? statusParam : 'active';
  const severity: AlertSeverity | undefined = isSeverity(severityParam) ? severityParam : undefined;
  const scope: Scope = params.get('mine') === 'true' ? 'mine' : 'all';
  const alertId = params.get('alert');
  const live = useRealtimeStatus();
  const list = useAlertList({ status, severity, mine: scope === 'mine' }, live === 'connected');
  const fresh = useNewUrgentAlerts();
  const alerts = list.data?.pages.flatMap((page) => page.items) ?? [];

  function setParam(name: string, value: string | null, replace = true) {
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (value === null) out.delete(name);
        else out.set(name, value);
        return out;
      },
      { replace },
    );
  }

  return (
    <>
      <PageTitle extra={<LiveStatus status={live} />}>{t('alerts.title')}</PageTitle>
      <Form layout="inline" component="div" className="alert-filters" aria-label={t('alerts.filters')}>
        <Form.Item label={t('alerts.statusFilter')}>
          <Segmented<AlertStatusFilter>
            value={status}
            onChange={(value) => setParam('status', value === 'active' ? null : value)}
            options={ALERT_STATUS_FILTERS.map((s) => ({
              value: s,
              label: t(`monitoring.statusFilter.${s}`),
            }))}
            data-testid="alert-status-filter"
          />
        </Form.Item>
        <Form.Item label={t('alerts.severityFilter')} htmlFor="alert-severity">
          <Select
            id="alert-severity"
            className="alert-filters__severity"
            value={severity ?? ANY_SEVERITY}
            onChange={(value: string) => setParam('severity', value === ANY_SEVERITY ? null : value)}
            options={[
              { value: ANY_SEVERITY, label: t('alerts.anySeverity') },
              ...SEVERITIES.map((s) => ({ value: s, label: t(`monitoring.severity.${s}`) })),
            ]}
            data-testid="alert-severity-filter"
          />
        </Form.Item>
        <Form.Item label={t('alerts.scopeFilter')}>
          <Segmented<Scope>
            value={scope}
            onChange={(value) => setParam('mine', value === 'mine' ? 'true' : null)}
            options={[
              { value: 'all', label: t('alerts.scopeAll') },
              { value: 'mine', label: t('alerts.scopeMine') },
            ]}
            data-testid="alert-scope-filter"
          />
        </Form.Item>
      </Form>
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="alert-announcer">
        {fresh.arrived > 0 ? t('alerts.newUrgent', { count: fresh.arrived }) : ''}
      </div>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <AlertTable
        alerts={alerts}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
        emptyText={t(`alerts.empty.${status}`)}
        highlighted={fresh.ids}
        onOpen={(id) => setParam('alert', id, false)}
      />
      {list.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
      <AlertDrawer alertId={alertId} onClose={() => setParam('alert', null, false)} />
    </>
  );
}
