import { Form, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useRealtimeStatus } from '../../../api/realtime';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { LiveStatus } from '../../monitoring/components/LiveStatus';
import { useIsDoctor } from '../hooks/use-doctors';
import { useDay, useSessionQueue } from '../hooks/use-scheduling';
import { useOrgTimeZone, useOrgToday } from '../hooks/use-org-today';
import { useSchedulingLive } from '../hooks/use-scheduling-live';
import { currentSession, timeOf } from '../lib/schedule';
import '../scheduling.css';
import { DoctorSelect } from './DoctorSelect';
import { QueueBoard } from './QueueBoard';

/**
 * Queue control. `/queue` opens today's session of the signed-in doctor that runs now (or comes next), with the
 * day's other sessions a click away; nurses and admins pick the doctor (?doctor=). `/queue/:sessionId` opens one
 * session from the day view. The queue updates live on `scheduling.queue.updated`.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  const live = useRealtimeStatus();
  useSchedulingLive();
  return (
    <>
      <PageTitle extra={<LiveStatus status={live} />}>
        {sessionId ? <SessionTitle sessionId={sessionId} /> : t('scheduling.queue.title')}
      </PageTitle>
      {sessionId ? <QueueBoard sessionId={sessionId} /> : <TodaysQueue />}
    </>
  );
}

function SessionTitle({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const queue = useSessionQueue(sessionId);
  const timeZone = useOrgTimeZone();
  if (!queue.data) return t('scheduling.queue.title');
  const { doctor, startsAt, endsAt } = queue.data;
  return `${t('scheduling.queue.title')} · ${doctor.name} ${t('scheduling.queue.session', {
    start: timeOf(startsAt, i18n.language, timeZone),
    end: timeOf(endsAt, i18n.language, timeZone),
  })}`;
}

function TodaysQueue() {
  const { t, i18n } = useTranslation();
  const { isDoctor, accountId } = useIsDoctor();
  const [params, setParams] = useSearchParams();
  const doctorId = params.get('doctor') ?? (isDoctor ? accountId : undefined);
  const day = useDay(useOrgToday(), doctorId);
  const [picked, setPicked] = useState<string | null>(null);
  const sessions = (day.data?.sessions ?? [])
    .filter((s) => s.status === 'open')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const chosen = sessions.find((s) => s.id === picked) ?? currentSession(sessions);

  return (
    <>
      <Form layout="inline" className="scheduling-filters">
        <Form.Item label={t('scheduling.queue.pickDoctor')} htmlFor="queue-doctor">
          <DoctorSelect
            id="queue-doctor"
            value={doctorId}
            onChange={(next) => {
              setPicked(null);
              setParams(next ? { doctor: next } : {}, { replace: true });
            }}
            testId="queue-doctor"
          />
        </Form.Item>
        {sessions.length > 1 && chosen ? (
          <Form.Item label={t('scheduling.queue.sessions')}>
            <Segmented<string>
              value={chosen.id}
              onChange={setPicked}
              options={sessions.map((s) => ({
                value: s.id,
                label: t('scheduling.queue.session', {
                  start: timeOf(s.startsAt, i18n.language, day.data?.timeZone),
                  end: timeOf(s.endsAt, i18n.language, day.data?.timeZone),
                }),
              }))}
              data-testid="queue-sessions"
            />
          </Form.Item>
        ) : null}
      </Form>
      {!doctorId ? null : day.isError ? (
        <QueryError error={day.error} onRetry={() => void day.refetch()} />
      ) : day.isPending ? (
        <p className="muted">{t('scheduling.loading')}</p>
      ) : chosen ? (
        <QueueBoard key={chosen.id} sessionId={chosen.id} />
      ) : (
        <p className="muted" data-testid="queue-no-session">
          {t('scheduling.queue.noSession')} <Link to="/appointments">{t('scheduling.nav.appointments')}</Link>
        </p>
      )}
    </>
  );
}
