import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAppointment } from '../hooks/useAppointmentQueries.ts';
import { useLiveQueue } from '../hooks/useLiveQueue.ts';
import { timeText, whenText } from '../lib/format.ts';
import '../appointments.css';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="queue-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** 排队: my number and place, people ahead, the estimated wait and the number called now, live. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const appointment = useAppointment(id);
  const { queue, live } = useLiveQueue(id);
  const q = queue.data;
  const a = appointment.data;
  return (
    <div className="page stack">
      <PageHeader title={t('appointments.queue.title')} backTo={`/appointments/${encodeURIComponent(id)}`} />
      <p className="queue-live" data-testid="queue-live" data-live={live} role="status">
        <span className={live ? 'queue-dot queue-dot-live' : 'queue-dot'} aria-hidden="true" />
        {live ? t('appointments.queue.live') : t('appointments.queue.offline')}
      </p>
      {a && (
        <p className="muted">
          {a.doctor.name} · {whenText(a.startsAt, i18n.language)}
          {a.department && ` · ${a.department.name}`}
        </p>
      )}
      {queue.isPending && <Loading />}
      <ErrorNotice error={queue.error} />
      {q && q.state === null && <Notice tone="info">{t('appointments.queue.notCheckedIn')}</Notice>}
      {q?.state === 'called' && (
        <div className="queue-called" role="alert" data-testid="queue-called">
          {t('appointments.queue.called')}
        </div>
      )}
      {q && q.state !== null && (
        <section className="card stack" data-testid="queue-card" data-state={q.state}>
          <p className="queue-state" data-testid="queue-state">
            {t(`appointments.queueState.${q.state}`)}
          </p>
          <dl className="queue-figures">
            <Figure
              label={t('appointments.queue.myNumber')}
              value={q.queueNumber === null ? '—' : String(q.queueNumber)}
              testId="queue-number"
            />
            {q.position !== null && (
              <Figure
                label={t('appointments.queue.position')}
                value={t('appointments.queue.positionValue', { position: q.position })}
                testId="queue-position"
              />
            )}
            {q.state === 'waiting' && (
              <Figure
                label={t('appointments.queue.ahead')}
                value={t('appointments.queue.aheadValue', { count: q.ahead })}
                testId="queue-ahead"
              />
            )}
            {q.state === 'waiting' && (
              <Figure
                label={t('appointments.queue.wait')}
                value={
                  q.estimatedWaitMinutes === null
                    ? t('appointments.queue.waitUnknown')
                    : t('appointments.queue.waitValue', { minutes: q.estimatedWaitMinutes })
                }
                testId="queue-wait"
              />
            )}
            <Figure
              label={t('appointments.queue.nowServing')}
              value={
                q.nowServing === null
                  ? t('appointments.queue.nobodyCalled')
                  : t('appointments.queue.nowServingValue', { number: q.nowServing })
              }
              testId="queue-now-serving"
            />
          </dl>
          <p className="muted">
            {t('appointments.queue.updatedAt', {
              time: timeText(new Date(queue.dataUpdatedAt).toISOString(), i18n.language),
            })}
          </p>
        </section>
      )}
    </div>
  );
}
