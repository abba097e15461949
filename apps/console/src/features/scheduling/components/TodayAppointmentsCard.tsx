import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { useIsDoctor } from '../hooks/use-doctors';
import { useDay } from '../hooks/use-scheduling';
import { useOrgToday } from '../hooks/use-org-today';
import { timeOf } from '../lib/schedule';
import '../scheduling.css';

/** The workbench's today: each session (a doctor's own, or everyone's) with how many are booked, wait and are done. */
export function TodayAppointmentsCard() {
  const { t, i18n } = useTranslation();
  const { isDoctor, accountId } = useIsDoctor();
  const day = useDay(useOrgToday(), isDoctor ? accountId : undefined);
  const sessions = (day.data?.sessions ?? [])
    .filter((s) => s.status === 'open')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <Card
      title={<h2 className="card-heading">{t('scheduling.workbench.title')}</h2>}
      extra={<Link to="/appointments">{t('scheduling.workbench.viewAll')}</Link>}
      loading={day.isPending}
      data-testid="workbench-appointments"
    >
      {day.isError ? <QueryError error={day.error} onRetry={() => void day.refetch()} /> : null}
      {day.data && sessions.length === 0 ? <p className="muted">{t('scheduling.workbench.empty')}</p> : null}
      {sessions.length > 0 ? (
        <ul className="today-sessions">
          {sessions.map((s) => {
            const live = s.appointments.filter((a) => a.status !== 'cancelled');
            const waiting = live.filter(
              (a) => a.status === 'checked_in' && a.queueState === 'waiting',
            ).length;
            const done = live.filter((a) => a.status === 'completed' || a.queueState === 'done').length;
            return (
              <li key={s.id} className="today-sessions__item" data-testid="workbench-session">
                <Link to={`/queue/${s.id}`}>
                  {timeOf(s.startsAt, i18n.language, day.data?.timeZone)}–
                  {timeOf(s.endsAt, i18n.language, day.data?.timeZone)}
                  {isDoctor ? '' : ` · ${s.doctor.name}`}
                </Link>
                <span className="muted">
                  {t('scheduling.workbench.line', { booked: live.length, waiting, done })}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Card>
  );
}
