import type { DaySession, PatientSummary } from '@careloop/contracts';
import { App, Button, Input, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRealtimeStatus } from '../../../api/realtime';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { LiveStatus } from '../../monitoring/components/LiveStatus';
import { useCheckIn, useDay, usePatientLookup } from '../hooks/use-scheduling';
import { useOrgToday } from '../hooks/use-org-today';
import { useSchedulingLive } from '../hooks/use-scheduling-live';
import { useDepartmentRefName } from '../hooks/use-department-ref-name';
import { timeOf, visitStage } from '../lib/schedule';
import '../scheduling.css';
import { StageTag } from './StageTag';
import { DeskBookDialog } from './DeskBookDialog';

type DayAppointment = DaySession['appointments'][number];
interface DeskRow {
  appointment: DayAppointment;
  session: DaySession;
}

/**
 * The check-in desk: today's appointments of every doctor, found by the patient's name, the last 4 digits of
 * their phone, their full phone or MRN; one click checks a patient in and says their queue number.
 */
export function FrontDeskPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [booking, setBooking] = useState(false);
  const q = useDeferredValue(query.trim());
  const today = useOrgToday();
  const live = useRealtimeStatus();
  useSchedulingLive();
  const day = useDay(today);
  const lookup = usePatientLookup(q);
  const checkIn = useCheckIn();
  const departmentName = useDepartmentRefName();
  const found = useMemo(
    () => new Map<string, PatientSummary>(lookup.patients.map((p) => [p.id, p])),
    [lookup.patients],
  );

  const rows: DeskRow[] = (day.data?.sessions ?? [])
    .flatMap((session) => session.appointments.map((appointment) => ({ appointment, session })))
    .filter(({ appointment }) => appointment.status !== 'cancelled')
    .sort((a, b) => a.appointment.startsAt.localeCompare(b.appointment.startsAt));
  const needle = q.toLowerCase();
  const shown = q
    ? rows.filter(
        ({ appointment }) =>
          appointment.patient.name.toLowerCase().includes(needle) || found.has(appointment.patient.id),
      )
    : rows;

  async function checkInRow({ appointment }: DeskRow) {
    try {
      const done = await checkIn.mutateAsync({ appointmentId: appointment.id, version: appointment.version });
      const name = appointment.patient.name;
      void message.success(
        done?.queueNumber != null
          ? t('scheduling.desk.checkedIn', { name, number: done.queueNumber })
          : t('scheduling.desk.checkedInNoNumber', { name }),
      );
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  return (
    <>
      <PageTitle
        extra={
          <>
            <Button type="primary" onClick={() => setBooking(true)} data-testid="desk-book-open">
              {t('scheduling.deskBook.open')}
            </Button>
            <LiveStatus status={live} />
          </>
        }
      >
        {t('scheduling.desk.title')}
      </PageTitle>
      <DeskBookDialog open={booking} onClose={() => setBooking(false)} />
      <Typography.Paragraph className="muted">{t('scheduling.desk.intro')}</Typography.Paragraph>
      <div className="desk-search">
        <label htmlFor="desk-search" className="visually-hidden">
          {t('scheduling.desk.search')}
        </label>
        <Input.Search
          id="desk-search"
          size="large"
          allowClear
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('scheduling.desk.searchPlaceholder')}
          loading={lookup.isFetching}
          enterButton={t('common.search')}
          data-testid="desk-search"
        />
      </div>
      {day.isError ? (
        <QueryError error={day.error} onRetry={() => void day.refetch()} />
      ) : day.isPending ? (
        <p className="muted">{t('scheduling.loading')}</p>
      ) : (
        <section aria-labelledby="desk-results" className="desk-results">
          <h2 id="desk-results" className="card-heading">
            {t('scheduling.desk.results')}{' '}
            <span className="muted" role="status" data-testid="desk-count">
              {t('scheduling.desk.count', { count: shown.length })}
            </span>
          </h2>
          {shown.length === 0 ? (
            <p className="muted" data-testid="desk-empty">
              {rows.length === 0 ? t('scheduling.desk.empty') : t('scheduling.desk.noMatch')}
            </p>
          ) : (
            <ul className="desk-list" data-testid="desk-list">
              {shown.map((row) => {
                const { appointment: a, session } = row;
                const stage = visitStage(a.status, a.queueState);
                const summary = found.get(a.patient.id);
                const pending = checkIn.isPending && checkIn.variables?.appointmentId === a.id;
                return (
                  <li
                    key={a.id}
                    className="desk-row"
                    data-testid="desk-row"
                    data-appointment-id={a.id}
                    data-stage={stage}
                  >
                    <span className="desk-row__time">
                      {timeOf(a.startsAt, i18n.language, day.data.timeZone)}
                    </span>
                    <span className="desk-row__who">
                      <Link to={`/patients/${a.patient.id}`} className="desk-row__name">
                        {a.patient.name}
                      </Link>
                      {summary ? (
                        <span className="muted">
                          {t('scheduling.desk.mrn', { mrn: summary.mrn })}
                          {summary.phoneMasked ? ` · ${summary.phoneMasked}` : ''}
                        </span>
                      ) : null}
                    </span>
                    <span className="desk-row__doctor">
                      {session.doctor.name}
                      {session.department ? (
                        <span className="muted"> · {departmentName(session.department)}</span>
                      ) : null}
                    </span>
                    <span className="desk-row__state">
                      <StageTag stage={stage} />
                      {a.queueNumber != null ? (
                        <strong data-testid="desk-queue-number">
                          {t('scheduling.queueNumber', { number: a.queueNumber })}
                        </strong>
                      ) : null}
                    </span>
                    <span className="desk-row__action">
                      {a.status === 'booked' ? (
                        <Button
                          type="primary"
                          loading={pending}
                          onClick={() => void checkInRow(row)}
                          aria-label={t('scheduling.desk.checkInLabel', { name: a.patient.name })}
                          data-testid="desk-check-in"
                        >
                          {t('scheduling.desk.checkIn')}
                        </Button>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
