import type { AccessiblePatient, Appointment, Slot } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { feeText, whenText } from '../lib/format.ts';
import { WhoFor } from './WhoFor.tsx';

interface ConfirmBookingProps {
  slot: Slot;
  allowed: readonly AccessiblePatient[];
  patientId: string | undefined;
  onPatient: (id: string) => void;
  /** When moving an existing appointment: it, and no choice of patient. */
  rescheduling?: Appointment;
  busy: boolean;
  onConfirm: () => void;
}

/** The chosen time spelled out (doctor, department, time, visit type, fee, patient) with one button to book. */
export function ConfirmBooking(props: ConfirmBookingProps) {
  const { slot, allowed, patientId, onPatient, rescheduling, busy, onConfirm } = props;
  const { t, i18n } = useTranslation();
  const patientName = rescheduling
    ? rescheduling.patient.name
    : allowed.find((p) => p.patient.id === patientId)?.patient.name;
  return (
    <section className="card stack" aria-labelledby="book-confirm-title" data-testid="book-confirm">
      <h2 id="book-confirm-title">{t('appointments.confirm.title')}</h2>
      {rescheduling && (
        <p>
          {t('appointments.confirm.rescheduling', { when: whenText(rescheduling.startsAt, i18n.language) })}
        </p>
      )}
      {!rescheduling && (
        <WhoFor
          allowed={allowed}
          value={patientId}
          onChange={onPatient}
          legend={t('appointments.book.who')}
          testId="book-confirm-for"
        />
      )}
      <dl className="facts">
        <div>
          <dt>{t('appointments.confirm.doctor')}</dt>
          <dd>{slot.doctor.name}</dd>
        </div>
        {slot.department && (
          <div>
            <dt>{t('appointments.confirm.department')}</dt>
            <dd>{slot.department.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('appointments.confirm.time')}</dt>
          <dd data-testid="book-confirm-time">{whenText(slot.startsAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('appointments.confirm.mode')}</dt>
          <dd>{t(`appointments.mode.${slot.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('appointments.confirm.fee')}</dt>
          <dd>{feeText(slot.feeFen, i18n.language)}</dd>
        </div>
        {patientName && (
          <div>
            <dt>{t('appointments.confirm.patient')}</dt>
            <dd>{patientName}</dd>
          </div>
        )}
      </dl>
      <Button
        block
        color="primary"
        loading={busy}
        disabled={!rescheduling && !patientId}
        onClick={onConfirm}
        data-testid="book-submit"
      >
        {rescheduling ? t('appointments.confirm.rescheduleSubmit') : t('appointments.confirm.submit')}
      </Button>
    </section>
  );
}
