import type { QueueEntry, SessionQueue } from '@careloop/contracts';
import { App, Button, Card, Popconfirm, Skeleton, Statistic } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import type { QueueAction } from '../api/scheduling-api';
import { useOrgTimeZone } from '../hooks/use-org-today';
import { useCallNext, useQueueAction, useSessionQueue } from '../hooks/use-scheduling';
import { timeOf, visitStage } from '../lib/schedule';

type Act = (entry: QueueEntry, action: QueueAction) => void;

/**
 * One session's live queue for the doctor or nurse: who is called now (large, to read across the room), call
 * next, done, skip and no-show; who waits, in order, with their estimated wait; counts and the average time.
 */
export function QueueBoard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queue = useSessionQueue(sessionId);
  const callNext = useCallNext(sessionId);
  const act = useQueueAction(sessionId);

  if (queue.isPending) return <Skeleton active />;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;

  const data: SessionQueue = queue.data;
  const byState = (...states: string[]) => data.entries.filter((e) => states.includes(e.state));
  const current = byState('called', 'in_consultation').sort((a, b) =>
    (b.calledAt ?? '').localeCompare(a.calledAt ?? ''),
  );
  const waiting = byState('waiting').sort(
    (a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.queueNumber - b.queueNumber,
  );
  const skipped = byState('skipped').sort((a, b) => a.queueNumber - b.queueNumber);
  const finished = byState('done', 'no_show').sort((a, b) => a.queueNumber - b.queueNumber);

  const run: Act = (entry, action) => {
    act.mutate(
      { appointmentId: entry.appointmentId, action, version: entry.version },
      { onError: (error) => void message.error(problemText(error, t)) },
    );
  };
  const busy = (entry: QueueEntry, action: QueueAction) =>
    act.isPending && act.variables?.appointmentId === entry.appointmentId && act.variables.action === action;

  return (
    <div
      className="queue-board"
      data-testid="queue-board"
      data-session-id={sessionId}
      data-version={data.version}
    >
      <div className="queue-stats" data-testid="queue-stats">
        <Statistic
          title={t('scheduling.queue.waiting')}
          value={data.waiting}
          data-testid="queue-count-waiting"
        />
        <Statistic
          title={t('scheduling.queue.done')}
          value={byState('done').length}
          data-testid="queue-count-done"
        />
        <Statistic
          title={t('scheduling.queue.noShow')}
          value={byState('no_show').length}
          data-testid="queue-count-no-show"
        />
        <Statistic title={t('scheduling.queue.skipped')} value={skipped.length} />
        <Statistic
          title={t('scheduling.queue.average')}
          value={t('scheduling.queue.averageValue', { minutes: data.averageMinutes })}
          data-testid="queue-average"
        />
      </div>

      <div className="queue-main">
        <section
          className="queue-current"
          aria-labelledby="queue-current-heading"
          data-testid="queue-current"
        >
          <h2 id="queue-current-heading" className="card-heading">
            {t('scheduling.queue.nowServing')}
          </h2>
          {/* Read out when a patient is called, for someone not looking at the screen. */}
          <p className="visually-hidden" role="status" aria-live="polite">
            {current[0]
              ? t('scheduling.queue.announce', {
                  number: current[0].queueNumber,
                  name: current[0].patient.name,
                })
              : ''}
          </p>
          {current.length === 0 ? (
            <p className="muted">{t('scheduling.queue.nobodyCalled')}</p>
          ) : (
            current.map((entry, index) => (
              <CurrentPatient
                key={entry.appointmentId}
                entry={entry}
                primary={index === 0}
                run={run}
                busy={busy}
              />
            ))
          )}
          <Button
            type={data.waiting === 0 ? 'default' : 'primary'}
            size="large"
            block
            className="queue-call-next"
            disabled={data.waiting === 0}
            loading={callNext.isPending}
            onClick={() =>
              callNext.mutate(undefined, { onError: (error) => void message.error(problemText(error, t)) })
            }
            data-testid="queue-call-next"
          >
            {data.waiting === 0 ? t('scheduling.queue.nobodyWaiting') : t('scheduling.queue.callNext')}
          </Button>
        </section>

        <Card
          className="queue-waiting"
          title={
            <h2 className="card-heading">
              {t('scheduling.queue.waitingList')} ({waiting.length})
            </h2>
          }
        >
          {waiting.length === 0 ? (
            <p className="muted">{t('scheduling.queue.emptyWaiting')}</p>
          ) : (
            <ol className="queue-list" data-testid="queue-waiting">
              {waiting.map((entry) => (
                <QueueRow key={entry.appointmentId} entry={entry} run={run} busy={busy} />
              ))}
            </ol>
          )}
          {skipped.length > 0 ? (
            <>
              <h3 className="queue-subheading">{t('scheduling.queue.skippedList')}</h3>
              <ul className="queue-list" data-testid="queue-skipped">
                {skipped.map((entry) => (
                  <QueueRow key={entry.appointmentId} entry={entry} run={run} busy={busy} />
                ))}
              </ul>
            </>
          ) : null}
          {finished.length > 0 ? (
            <details className="queue-finished">
              <summary>
                {t('scheduling.queue.finishedList')} ({finished.length})
              </summary>
              <ul className="queue-list" data-testid="queue-finished">
                {finished.map((entry) => (
                  <QueueRow key={entry.appointmentId} entry={entry} run={run} busy={busy} />
                ))}
              </ul>
            </details>
          ) : null}
        </Card>
      </div>
    </div>
  );
}

function CurrentPatient({
  entry,
  primary,
  run,
  busy,
}: {
  entry: QueueEntry;
  primary: boolean;
  run: Act;
  busy: (entry: QueueEntry, action: QueueAction) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useOrgTimeZone();
  return (
    <div
      className={`queue-called${primary ? ' queue-called--primary' : ''}`}
      data-testid="queue-called"
      data-appointment-id={entry.appointmentId}
      data-state={entry.state}
    >
      <div className="queue-called__number">{entry.queueNumber}</div>
      <div className="queue-called__who">
        <Link
          to={`/patients/${entry.patient.id}`}
          className="queue-called__name"
          data-testid="queue-called-name"
        >
          {entry.patient.name}
        </Link>
        <span className="muted">
          {t(`scheduling.stages.${visitStage('checked_in', entry.state)}`)}
          {entry.calledAt
            ? ` · ${t('scheduling.queue.calledAt', { time: timeOf(entry.calledAt, i18n.language, timeZone) })}`
            : ''}
          {entry.noShowCount > 0 ? ` · ${t('scheduling.noShows', { count: entry.noShowCount })}` : ''}
        </span>
      </div>
      <div className="queue-called__actions">
        {entry.state === 'called' ? (
          <Button
            size="large"
            onClick={() => run(entry, 'start')}
            loading={busy(entry, 'start')}
            data-testid="queue-start"
          >
            {t('scheduling.queue.start')}
          </Button>
        ) : null}
        <Button
          size="large"
          type="primary"
          onClick={() => run(entry, 'done')}
          loading={busy(entry, 'done')}
          data-testid="queue-done"
        >
          {t('scheduling.queue.markDone')}
        </Button>
        {entry.state === 'called' ? (
          <>
            <Button
              size="large"
              onClick={() => run(entry, 'skip')}
              loading={busy(entry, 'skip')}
              data-testid="queue-skip"
            >
              {t('scheduling.queue.skip')}
            </Button>
            <NoShowButton entry={entry} run={run} busy={busy(entry, 'no_show')} size="large" />
          </>
        ) : null}
      </div>
    </div>
  );
}

function NoShowButton({
  entry,
  run,
  busy,
  size,
}: {
  entry: QueueEntry;
  run: Act;
  busy: boolean;
  size?: 'large' | 'middle';
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('scheduling.queue.noShowConfirm', { name: entry.patient.name })}
      okText={t('scheduling.queue.markNoShow')}
      cancelText={t('common.cancel')}
      onConfirm={() => run(entry, 'no_show')}
      okButtonProps={{ danger: true, 'data-testid': 'queue-no-show-confirm' } as ButtonProps}
    >
      <Button size={size} danger loading={busy} data-testid="queue-no-show">
        {t('scheduling.queue.markNoShow')}
      </Button>
    </Popconfirm>
  );
}

function QueueRow({
  entry,
  run,
  busy,
}: {
  entry: QueueEntry;
  run: Act;
  busy: (entry: QueueEntry, action: QueueAction) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useOrgTimeZone();
  const label = (action: string) =>
    t('scheduling.queue.actionLabel', { action, number: entry.queueNumber, name: entry.patient.name });
  return (
    <li
      className="queue-row"
      data-testid="queue-entry"
      data-appointment-id={entry.appointmentId}
      data-patient-id={entry.patient.id}
      data-state={entry.state}
    >
      <span className="queue-row__number">{entry.queueNumber}</span>
      <span className="queue-row__who">
        <Link to={`/patients/${entry.patient.id}`}>{entry.patient.name}</Link>
        <span className="muted">
          {t('scheduling.queue.checkedInAt', { time: timeOf(entry.checkedInAt, i18n.language, timeZone) })}
          {entry.noShowCount > 0 ? ` · ${t('scheduling.noShows', { count: entry.noShowCount })}` : ''}
        </span>
      </span>
      <span className="queue-row__wait">
        {entry.state === 'waiting' ? (
          <>
            {entry.position != null ? t('scheduling.queue.position', { position: entry.position }) : null}
            {entry.estimatedWaitMinutes != null ? (
              <span className="muted">
                {' '}
                · {t('scheduling.queue.estimatedWait', { minutes: entry.estimatedWaitMinutes })}
              </span>
            ) : null}
          </>
        ) : (
          t(`scheduling.stages.${visitStage('checked_in', entry.state)}`)
        )}
      </span>
      <span className="queue-row__actions">
        {entry.state === 'waiting' ? (
          <Button
            onClick={() => run(entry, 'call')}
            loading={busy(entry, 'call')}
            aria-label={label(t('scheduling.queue.call'))}
            data-testid="queue-call"
          >
            {t('scheduling.queue.call')}
          </Button>
        ) : null}
        {entry.state === 'skipped' ? (
          <Button
            onClick={() => run(entry, 'requeue')}
            loading={busy(entry, 'requeue')}
            aria-label={label(t('scheduling.queue.requeue'))}
            data-testid="queue-requeue"
          >
            {t('scheduling.queue.requeue')}
          </Button>
        ) : null}
        {entry.state === 'waiting' || entry.state === 'skipped' ? (
          <NoShowButton entry={entry} run={run} busy={busy(entry, 'no_show')} />
        ) : null}
      </span>
    </li>
  );
}
