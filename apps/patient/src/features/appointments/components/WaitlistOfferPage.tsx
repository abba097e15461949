import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAcceptOffer, useLeaveWaitlist, useWaitlist } from '../hooks/useAppointmentQueries.ts';
import { timeText, whenText } from '../lib/format.ts';
import '../appointments.css';

/** A waitlist offer (opened from its notification): the place held, until when, and one tap to book it. */
export function WaitlistOfferPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const waitlist = useWaitlist();
  const accept = useAcceptOffer();
  const leave = useLeaveWaitlist();
  const entry = waitlist.data?.items.find((w) => w.id === id);
  const offered = entry?.status === 'offered' && entry.offeredSlot && entry.offerExpiresAt;
  const expired = entry?.offerExpiresAt ? Date.parse(entry.offerExpiresAt) < Date.now() : false;
  // A place held after a day off cancelled the visit: the patient did not join a waitlist, so say what happened.
  const dayOff = entry?.origin === 'day_off';
  return (
    <div className="page stack">
      <PageHeader
        title={t(dayOff ? 'appointments.offer.titleDayOff' : 'appointments.offer.title')}
        backTo="/appointments"
      />
      {waitlist.isPending && <Loading />}
      <ErrorNotice error={waitlist.error} />
      {waitlist.data && (!entry || entry.status === 'expired' || (offered && expired)) && (
        <div data-testid="offer-gone">
          <Notice tone="info">{t('appointments.offer.gone')}</Notice>
        </div>
      )}
      {entry && !offered && entry.status !== 'expired' && entry.status !== 'booked' && (
        <Notice tone="info">{t('appointments.offer.notOffered')}</Notice>
      )}
      {leave.isSuccess && <Notice tone="info">{t('appointments.offer.declined')}</Notice>}
      {entry?.offeredSlot && entry.offerExpiresAt && offered && !expired && !leave.isSuccess && (
        <section className="card stack" data-testid="offer-card">
          <p>
            <strong>{entry.doctor.name}</strong>
          </p>
          <p data-testid="offer-body">
            {dayOff
              ? t('appointments.offer.bodyDayOff', {
                  when: whenText(entry.offeredSlot.startsAt, i18n.language),
                })
              : t('appointments.offer.body', { when: whenText(entry.offeredSlot.startsAt, i18n.language) })}
          </p>
          <p className="muted">
            {dayOff
              ? t('appointments.offer.untilDayOff', { when: whenText(entry.offerExpiresAt, i18n.language) })
              : t('appointments.offer.until', { time: timeText(entry.offerExpiresAt, i18n.language) })}
          </p>
          <Button
            block
            color="primary"
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(entry.id, {
                onSuccess: (appointment) =>
                  void navigate(`/appointments/${encodeURIComponent(appointment.id)}?done=booked`, {
                    replace: true,
                  }),
              })
            }
            data-testid="offer-accept"
          >
            {t('appointments.offer.accept')}
          </Button>
          <Button
            block
            fill="outline"
            loading={leave.isPending}
            onClick={() => leave.mutate(entry.id)}
            data-testid="offer-decline"
          >
            {t('appointments.offer.decline')}
          </Button>
          <ErrorNotice error={accept.error ?? leave.error} />
        </section>
      )}
    </div>
  );
}
