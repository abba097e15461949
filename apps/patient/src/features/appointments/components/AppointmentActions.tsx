import type { Appointment } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { useCancelAppointment, useCheckIn } from '../hooks/useAppointmentQueries.ts';
import { whenText } from '../lib/format.ts';
import { canChange, checkInState } from '../lib/rules.ts';

/**
 * What the patient may do now, each with why not when not: check in on arrival (within the window), see the
 * queue, reschedule or cancel before the cut-off.
 */
export function AppointmentActions({ appointment: a, now }: { appointment: Appointment; now: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const cancel = useCancelAppointment();
  const checkIn = useCheckIn();
  const changeable = canChange(a, now);
  const checkin = checkInState(a, now);
  const queuePath = `/appointments/${encodeURIComponent(a.id)}/queue`;
  return (
    <div className="stack">
      {a.status === 'booked' && a.mode === 'online' && (
        <p className="muted">{t('appointments.detail.onlineVisit')}</p>
      )}
      {checkin === 'open' && (
        <section className="card stack" data-testid="checkin-card">
          <p>{t('appointments.detail.checkInOpen')}</p>
          <Button
            block
            color="primary"
            size="large"
            loading={checkIn.isPending}
            onClick={() =>
              checkIn.mutate(a, {
                onSuccess: (next) => void navigate(`/appointments/${encodeURIComponent(next.id)}/queue`),
              })
            }
            data-testid="appointment-check-in"
          >
            {t('appointments.detail.checkIn')}
          </Button>
          <ErrorNotice error={checkIn.error} />
        </section>
      )}
      {checkin === 'early' && (
        <p className="muted" data-testid="checkin-early">
          {t('appointments.detail.checkInEarly', { time: whenText(a.checkInOpensAt, i18n.language) })}
        </p>
      )}
      {checkin === 'late' && (
        <p className="muted" data-testid="checkin-late">
          {t('appointments.detail.checkInLate', { time: whenText(a.checkInClosesAt, i18n.language) })}
        </p>
      )}
      {a.status === 'checked_in' && (
        <Button
          block
          color="primary"
          onClick={() => void navigate(queuePath)}
          data-testid="appointment-queue"
        >
          {t('appointments.detail.queue')}
        </Button>
      )}
      {a.status === 'booked' && (
        <section className="card stack" data-testid="change-card">
          {changeable ? (
            <>
              <p className="muted" data-testid="change-until">
                {t('appointments.detail.changeUntil', { time: whenText(a.changeableUntil, i18n.language) })}
              </p>
              <div className="actions" style={{ marginTop: 0 }}>
                <Button
                  color="primary"
                  fill="outline"
                  onClick={() =>
                    void navigate(
                      `/book/doctors/${encodeURIComponent(a.doctor.id)}?reschedule=${encodeURIComponent(a.id)}`,
                    )
                  }
                  data-testid="appointment-reschedule"
                >
                  {t('appointments.detail.reschedule')}
                </Button>
              </div>
              <InlineConfirm
                label={t('appointments.detail.cancel')}
                question={t('appointments.detail.cancelQuestion')}
                onConfirm={() => cancel.mutate(a)}
                busy={cancel.isPending}
                testId="appointment-cancel"
              />
              <ErrorNotice error={cancel.error} />
            </>
          ) : (
            <p data-testid="change-closed">
              {t('appointments.detail.changeClosed', { time: whenText(a.changeableUntil, i18n.language) })}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
