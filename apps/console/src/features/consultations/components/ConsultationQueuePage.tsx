import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRealtimeStatus } from '../../../api/realtime';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { LiveStatus } from '../../monitoring/components/LiveStatus';
import type { QueueView } from '../api/consultations-api';
import '../consultations.css';
import { useConsultationList } from '../hooks/use-consultations';
import { useNow } from '../hooks/use-now';
import { QueueItem } from './QueueItem';

const VIEWS: readonly QueueView[] = ['waiting', 'mine', 'past'];

function isView(value: string | null): value is QueueView {
  return VIEWS.includes(value as QueueView);
}

/**
 * The doctor's consultation queue: requests waiting for them or their departments' pools (oldest first, with the
 * time waited), their open consultations, and past ones. The tab lives in the URL (?view=mine); lists update live.
 */
export function ConsultationQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const view: QueueView = isView(viewParam) ? viewParam : 'waiting';
  const live = useRealtimeStatus();
  const list = useConsultationList(view);
  const now = useNow();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageTitle extra={<LiveStatus status={live} />}>{t('consult.queue.title')}</PageTitle>
      <Segmented<QueueView>
        value={view}
        onChange={(next) => setParams(next === 'waiting' ? {} : { view: next }, { replace: true })}
        options={VIEWS.map((v) => ({ value: v, label: t(`consult.queue.views.${v}`) }))}
        aria-label={t('consult.queue.viewsLabel')}
        className="consult-views"
        data-testid="consult-view"
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <p className="muted">{t('consult.queue.loading')}</p>
      ) : items.length === 0 ? (
        <p className="consult-empty muted" data-testid="consult-empty">
          {t(`consult.queue.empty.${view}`)}
        </p>
      ) : (
        <ul
          className="consult-queue"
          aria-label={t(`consult.queue.views.${view}`)}
          data-testid="consult-queue"
        >
          {items.map((consultation) => (
            <QueueItem key={consultation.id} consultation={consultation} view={view} now={now} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('consult.queue.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
