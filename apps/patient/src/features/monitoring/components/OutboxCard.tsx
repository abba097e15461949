import { useMutation } from '@tanstack/react-query';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../ui/Notice.tsx';
import { readingOutbox } from '../hooks/monitoring-stores.ts';
import { useOnline, usePendingReadings, useRecentSends } from '../hooks/useOutbox.ts';
import { valuesOfInput } from '../lib/reading-format.ts';
import type { SendOutcome } from '../lib/outbox.ts';
import { ReadingRow } from './ReadingRow.tsx';
import { RejectionText } from './RejectionText.tsx';

/** Readings typed on this phone that have not reached the server yet, and what it said about those sent later. */
export function OutboxCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const pending = usePendingReadings(patientId);
  const recent = useRecentSends(patientId);
  const online = useOnline();
  const flush = useMutation({ mutationFn: () => readingOutbox.flush(patientId), networkMode: 'always' });
  if (pending.length === 0 && recent.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="outbox-title" data-testid="outbox">
      {pending.length > 0 ? (
        <>
          <h2 id="outbox-title" data-testid="outbox-count">
            {t('monitoring.queue.title', { count: pending.length })}
          </h2>
          <p>{online ? t('monitoring.queue.retryHint') : t('monitoring.queue.offlineHint')}</p>
          <ul className="reading-list">
            {pending.map((entry) => (
              <ReadingRow
                key={entry.key}
                values={valuesOfInput(entry.reading)}
                takenAt={entry.reading.takenAt}
                context={entry.reading.context}
                tag={<Tag color="warning">{t('monitoring.queue.waiting')}</Tag>}
                testId="outbox-reading"
              />
            ))}
          </ul>
          {online && (
            <Button
              color="primary"
              fill="outline"
              loading={flush.isPending}
              onClick={() => flush.mutate()}
              data-testid="outbox-send"
            >
              {t('monitoring.queue.sendNow')}
            </Button>
          )}
        </>
      ) : (
        <h2 id="outbox-title">{t('monitoring.queue.sentTitle')}</h2>
      )}
      {recent.length > 0 && (
        <RecentSends outcomes={recent} onSeen={() => readingOutbox.clearRecent(patientId)} />
      )}
    </section>
  );
}

function RecentSends({ outcomes, onSeen }: { outcomes: readonly SendOutcome[]; onSeen: () => void }) {
  const { t } = useTranslation();
  const stored = outcomes.filter((o) => o.status === 'sent' && o.result.rejected.length === 0).length;
  const refused = outcomes.filter(
    (o) => o.status === 'failed' || (o.status === 'sent' && o.result.rejected.length > 0),
  );
  return (
    <div className="stack" data-testid="outbox-recent">
      {stored > 0 && <p>{t('monitoring.queue.sentCount', { count: stored })}</p>}
      {refused.length > 0 && (
        <>
          <p className="field-error">{t('monitoring.queue.refusedTitle')}</p>
          <ul className="reading-list">
            {refused.map((o) => (
              <ReadingRow
                key={o.entry.key}
                values={valuesOfInput(o.entry.reading)}
                takenAt={o.entry.reading.takenAt}
                context={o.entry.reading.context}
                tag={
                  <span className="rejection-reason" data-testid="outbox-rejection">
                    {o.status === 'sent' && o.result.rejected[0] ? (
                      <RejectionText rejection={o.result.rejected[0]} />
                    ) : o.status === 'failed' ? (
                      errorText(o.error, t('errors.generic'))
                    ) : null}
                  </span>
                }
              />
            ))}
          </ul>
        </>
      )}
      <Button size="small" onClick={onSeen}>
        {t('monitoring.queue.seen')}
      </Button>
    </div>
  );
}
