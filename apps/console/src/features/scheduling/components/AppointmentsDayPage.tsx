import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { DaySession } from '@careloop/contracts';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useRealtimeStatus } from '../../../api/realtime';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { departmentLabel } from '../../admin/hooks/use-department-name';
import { useDepartments } from '../../admin/hooks/use-admin';
import { LiveStatus } from '../../monitoring/components/LiveStatus';
import { useDay } from '../hooks/use-scheduling';
import { useDepartmentRefName } from '../hooks/use-department-ref-name';
import { useOrgToday } from '../hooks/use-org-today';
import { useSchedulingLive } from '../hooks/use-scheduling-live';
import { addDays, localIsoDate, timeOf, visitStage } from '../lib/schedule';
import '../scheduling.css';
import { DoctorSelect } from './DoctorSelect';
import { StageTag } from './StageTag';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One day of appointments: each session (doctor, time, booked of capacity) with its patients and where each
 * stands. Date, doctor and department live in the URL (?date=&doctor=&department=); the day updates live.
 */
export function AppointmentsDayPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const dateParam = params.get('date') ?? '';
  const today = useOrgToday() ?? localIsoDate();
  const date = DATE.test(dateParam) ? dateParam : today;
  const doctorId = params.get('doctor') ?? undefined;
  const departmentId = params.get('department') ?? undefined;
  const departments = useDepartments();
  const live = useRealtimeStatus();
  useSchedulingLive();
  const day = useDay(date, doctorId);

  function update(next: { date?: string; doctor?: string | undefined; department?: string | undefined }) {
    const merged = { date, doctor: doctorId, department: departmentId, ...next };
    const search: Record<string, string> = {};
    if (merged.date && merged.date !== today) search.date = merged.date;
    if (merged.doctor) search.doctor = merged.doctor;
    if (merged.department) search.department = merged.department;
    setParams(search, { replace: true });
  }

  const sessions = (day.data?.sessions ?? [])
    .filter((s) => !departmentId || s.department?.id === departmentId)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.doctor.name.localeCompare(b.doctor.name));

  return (
    <>
      <PageTitle extra={<LiveStatus status={live} />}>{t('scheduling.day.title')}</PageTitle>
      <Form layout="inline" className="scheduling-filters">
        <Form.Item label={t('scheduling.day.date')} htmlFor="appointments-date">
          <Space.Compact>
            <Button
              icon={<LeftOutlined aria-hidden />}
              aria-label={t('scheduling.day.previous')}
              onClick={() => update({ date: addDays(date, -1) })}
            />
            <Input
              id="appointments-date"
              type="date"
              value={date}
              onChange={(e) => DATE.test(e.target.value) && update({ date: e.target.value })}
              data-testid="appointments-date"
            />
            <Button
              icon={<RightOutlined aria-hidden />}
              aria-label={t('scheduling.day.next')}
              onClick={() => update({ date: addDays(date, 1) })}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item>
          <Button onClick={() => update({ date: today })} disabled={date === today}>
            {t('scheduling.day.today')}
          </Button>
        </Form.Item>
        <Form.Item label={t('scheduling.doctor')} htmlFor="appointments-doctor">
          <DoctorSelect
            id="appointments-doctor"
            value={doctorId}
            onChange={(doctor) => update({ doctor })}
            allLabel={t('scheduling.allDoctors')}
            testId="appointments-doctor"
          />
        </Form.Item>
        <Form.Item label={t('scheduling.department')} htmlFor="appointments-department">
          <Select
            id="appointments-department"
            className="scheduling-select"
            value={departmentId ?? ''}
            onChange={(department: string) => update({ department: department || undefined })}
            options={[
              { value: '', label: t('scheduling.allDepartments') },
              ...(departments.data ?? []).map((d) => ({
                value: d.id,
                label: departmentLabel(d, i18n.language),
              })),
            ]}
            data-testid="appointments-department"
          />
        </Form.Item>
      </Form>
      {day.isError ? (
        <QueryError error={day.error} onRetry={() => void day.refetch()} />
      ) : day.isPending ? (
        <p className="muted">{t('scheduling.loading')}</p>
      ) : sessions.length === 0 ? (
        <p className="muted" data-testid="appointments-empty">
          {day.data.sessions.length === 0 ? t('scheduling.day.empty') : t('scheduling.day.emptyFiltered')}
        </p>
      ) : (
        <ul
          className="day-sessions"
          aria-label={t('scheduling.day.sessionsLabel')}
          data-testid="day-sessions"
        >
          {sessions.map((session) => (
            <SessionCard key={session.id} session={session} timeZone={day.data.timeZone} />
          ))}
        </ul>
      )}
    </>
  );
}

function SessionCard({ session, timeZone }: { session: DaySession; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const departmentName = useDepartmentRefName();
  const start = timeOf(session.startsAt, i18n.language, timeZone);
  const end = timeOf(session.endsAt, i18n.language, timeZone);
  const appointments = [...session.appointments].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || (a.queueNumber ?? 0) - (b.queueNumber ?? 0),
  );
  const headingId = `session-${session.id}`;
  return (
    <li data-testid="day-session" data-session-id={session.id} data-status={session.status}>
      <Card
        size="small"
        title={
          <h2 id={headingId} className="card-heading day-session__title">
            <span>
              {start}–{end}
            </span>
            <span>{session.doctor.name}</span>
            {session.department ? <span className="muted">{departmentName(session.department)}</span> : null}
          </h2>
        }
        extra={
          <Space wrap>
            <span>{t(`scheduling.modes.${session.mode}`)}</span>
            <span>{t('scheduling.day.booked', { booked: session.booked, capacity: session.capacity })}</span>
            {session.status === 'cancelled' ? (
              <strong className="day-session__off">{t('scheduling.day.cancelledSession')}</strong>
            ) : (
              <Link
                to={`/queue/${session.id}`}
                aria-label={t('scheduling.day.openQueueLabel', { doctor: session.doctor.name, start, end })}
                data-testid="day-open-queue"
              >
                {t('scheduling.day.openQueue')}
              </Link>
            )}
          </Space>
        }
      >
        {appointments.length === 0 ? (
          <p className="muted">{t('scheduling.day.noAppointments')}</p>
        ) : (
          <table className="day-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('scheduling.day.time')}</th>
                <th scope="col">{t('scheduling.day.number')}</th>
                <th scope="col">{t('scheduling.day.patient')}</th>
                <th scope="col">{t('scheduling.day.status')}</th>
              </tr>
            </thead>
            <tbody>
              {appointments.map((a) => {
                const stage = visitStage(a.status, a.queueState);
                return (
                  <tr key={a.id} data-testid="day-appointment" data-appointment-id={a.id} data-stage={stage}>
                    <td>{timeOf(a.startsAt, i18n.language, timeZone)}</td>
                    <td>{a.queueNumber ?? '—'}</td>
                    <td>
                      <Link to={`/patients/${a.patient.id}`} data-testid="day-patient">
                        {a.patient.name}
                      </Link>
                      {a.noShowCount > 0 ? (
                        <span className="muted no-show-count">
                          {t('scheduling.noShows', { count: a.noShowCount })}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <StageTag stage={stage} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </li>
  );
}
