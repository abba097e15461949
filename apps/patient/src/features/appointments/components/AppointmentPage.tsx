import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useNow } from '../../consult/hooks/useNow.ts';
import { useAppointment } from '../hooks/useAppointmentQueries.ts';
import { feeText, whenText } from '../lib/format.ts';
import { AppointmentActions } from './AppointmentActions.tsx';
import '../appointments.css';

/** One appointment: the confirmation after booking (`?done=booked|rescheduled`), its details and what can be done. */
export function AppointmentPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const done = search.get('done');
  const now = useNow();
  const query = useAppointment(id);
  const a = query.data;
  return (
    <div className="page stack">
      <PageHeader title={t('appointments.detail.title')} backTo="/appointments" />
      {query.isPending && <Loading />}
      <ErrorNotice error={query.error} />
      {a && done === 'booked' && a.status === 'booked' && (
        <div data-testid="book-done">
          <Notice tone="success">
            <strong>{t('appointments.detail.booked')}</strong>
            <p>{t('appointments.detail.bookedBody')}</p>
          </Notice>
        </div>
      )}
      {a && done === 'rescheduled' && a.status === 'booked' && (
        <Notice tone="success">{t('appointments.detail.rescheduled')}</Notice>
      )}
      {a?.status === 'cancelled' && <Notice tone="info">{t('appointments.detail.cancelled')}</Notice>}
      {a && (
        <section className="card stack" data-testid="appointment-detail" data-status={a.status}>
          <p className="appointment-when" data-testid="appointment-when">
            {whenText(a.startsAt, i18n.language)}
          </p>
          <p>
            <span className="appointment-status" data-status={a.status} data-testid="appointment-status">
              {t(`appointments.status.${a.status}`)}
            </span>
            {a.status === 'checked_in' && a.queueNumber !== null && (
              <span data-testid="appointment-queue-number">
                {' '}
                · {t('appointments.detail.checkedIn', { number: a.queueNumber })}
              </span>
            )}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('appointments.confirm.doctor')}</dt>
              <dd data-testid="appointment-doctor">
                {a.doctor.name}
                {a.doctor.title && ` · ${a.doctor.title}`}
              </dd>
            </div>
            {a.department && (
              <div>
                <dt>{t('appointments.confirm.department')}</dt>
                <dd>{a.department.name}</dd>
              </div>
            )}
            <div>
              <dt>{t('appointments.confirm.mode')}</dt>
              <dd>{t(`appointments.mode.${a.mode}`)}</dd>
            </div>
            <div>
              <dt>{t('appointments.confirm.fee')}</dt>
              <dd>{feeText(a.feeFen, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('appointments.confirm.patient')}</dt>
              <dd>{a.patient.name}</dd>
            </div>
          </dl>
        </section>
      )}
      {a && <AppointmentActions appointment={a} now={now} />}
    </div>
  );
}
