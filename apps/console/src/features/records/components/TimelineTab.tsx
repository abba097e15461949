import { Button, Skeleton, Timeline } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { useAutoLoad } from '../hooks/use-auto-load';
import { useTimeline } from '../hooks/use-record';
import { formatDay } from '../lib/format';
import { TIMELINE_KINDS, type TimelineKind } from '../lib/record-types';
import { groupByDay } from '../lib/timeline-days';
import '../records.css';
import { RecordEmpty } from './RecordCard';
import { TimelineEntry } from './TimelineEntry';
import { TimelineFilter } from './TimelineFilter';

function kindsOf(param: string | null): TimelineKind[] {
  const wanted = new Set((param ?? '').split(','));
  return TIMELINE_KINDS.filter((kind) => wanted.has(kind));
}

/** Everything in the record, newest first, grouped by day; filtered by kind (kept in the URL), paged by cursor. */
export function TimelineTab({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kinds = useMemo(() => kindsOf(params.get('kinds')), [params]);
  const timeline = useTimeline(patientId, kinds);
  const days = useMemo(
    () => groupByDay(timeline.data?.pages.flatMap((page) => page.items) ?? []),
    [timeline.data],
  );

  const more = useAutoLoad<HTMLDivElement>(
    timeline.hasNextPage && !timeline.isFetchingNextPage,
    () => void timeline.fetchNextPage(),
  );

  function filter(next: TimelineKind[]) {
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (next.length) out.set('kinds', next.join(','));
      else out.delete('kinds');
      return out;
    });
  }

  return (
    <section className="record-timeline" aria-labelledby="timeline-heading" data-testid="record-timeline">
      <h2 id="timeline-heading" className="visually-hidden">
        {t('record.timeline.title')}
      </h2>
      <TimelineFilter selected={kinds} onChange={filter} />
      {timeline.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : timeline.isError ? (
        <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : days.length === 0 ? (
        <RecordEmpty text={t('record.timeline.empty')} />
      ) : (
        <div aria-busy={timeline.isFetching}>
          {days.map((day) => (
            <div key={day.day} className="timeline-day" data-testid="timeline-day">
              <h3 className="timeline-day__heading">
                {formatDay(day.day, i18n.language)}
                {day.flaggedCount > 0 ? (
                  <span className="record-flag record-flag--high timeline-day__flagged">
                    {t('record.timeline.dayFlagged', { count: day.flaggedCount })}
                  </span>
                ) : null}
              </h3>
              <Timeline
                items={day.items.map((item) => ({
                  key: `${item.kind}:${item.id}`,
                  color:
                    item.flag && item.flag !== 'N'
                      ? 'red'
                      : (item.counts?.abnormal ?? 0) > 0
                        ? 'red'
                        : 'blue',
                  content: <TimelineEntry item={item} />,
                }))}
              />
            </div>
          ))}
          <div className="load-more" ref={more}>
            {timeline.hasNextPage ? (
              <Button
                onClick={() => void timeline.fetchNextPage()}
                loading={timeline.isFetchingNextPage}
                data-testid="timeline-more"
              >
                {t('record.timeline.loadMore')}
              </Button>
            ) : (
              <span className="muted">{t('record.timeline.end')}</span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
