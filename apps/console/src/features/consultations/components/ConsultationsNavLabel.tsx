import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWaitingCount } from '../hooks/use-consultations';
import { useConsultationsLive } from '../hooks/use-consultations-live';
import '../consultations.css';

/**
 * The menu's "在线问诊" with the number of requests waiting. It is in the shell on every page, so it also holds the
 * one subscription that keeps the queue current.
 */
export function ConsultationsNavLabel() {
  const { t } = useTranslation();
  useConsultationsLive();
  const waiting = useWaitingCount(true);
  const count = waiting.data?.count ?? 0;
  const over = (waiting.data?.more ?? false) || count > 99;
  return (
    <span className="consult-nav-label">
      {t('consult.nav')}
      {count > 0 ? (
        <>
          <Badge count={count} overflowCount={99} color="#0b57d0" aria-hidden data-testid="consult-badge" />
          <span className="visually-hidden">
            {over ? t('consult.waitingMore', { count: 99 }) : t('consult.waitingCount', { count })}
          </span>
        </>
      ) : null}
    </span>
  );
}
