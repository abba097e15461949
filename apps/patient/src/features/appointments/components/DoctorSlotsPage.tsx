import type { Appointment, Slot } from '@careloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useDoctor } from '../../consult/hooks/useConsultQueries.ts';
import { newIdempotencyKey } from '../../records/api/http.ts';
import { recordTriageOutcome } from '../../triage/api/triage.api.ts';
import { useBookFor } from '../hooks/useBookFor.ts';
import { useAppointment, useBook, useDoctorSlots, useReschedule } from '../hooks/useAppointmentQueries.ts';
import { localDayKey } from '../lib/format.ts';
import { refusalOf } from '../lib/rules.ts';
import { ConfirmBooking } from './ConfirmBooking.tsx';
import { RatingText } from './RatingText.tsx';
import { RefusalNotice } from './RefusalNotice.tsx';
import { SlotPicker, daysOf, dayIsFull, slotsOfDay, type ModeFilter } from './SlotPicker.tsx';
import { WaitlistJoin } from './WaitlistJoin.tsx';
import '../appointments.css';

const HORIZON_DAYS = 14;

/**
 * A doctor's times for the next two weeks by day and visit type; a chosen time is confirmed below (for whom) and
 * booked with an Idempotency-Key. `?slot=` comes chosen (a tap on a next-free chip), `?for=` the patient,
 * `?triage=` the symptom check that led here (its outcome is recorded), `?reschedule=` an appointment to move.
 */
export function DoctorSlotsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { doctorId = '' } = useParams();
  const [search] = useSearchParams();
  const triageId = search.get('triage');
  const rescheduleId = search.get('reschedule');
  const { allowed, patientId, setPatientId } = useBookFor(search.get('for'));
  const [range] = useState(() => {
    const now = Date.now();
    return {
      now,
      from: new Date(now).toISOString(),
      to: new Date(now + HORIZON_DAYS * 86_400_000).toISOString(),
    };
  });
  const doctor = useDoctor(doctorId);
  const slots = useDoctorSlots(doctorId, range.from, range.to);
  const moving = useAppointment(rescheduleId ?? '', rescheduleId !== null);
  const [mode, setMode] = useState<ModeFilter>('all');
  const [selectedId, setSelectedId] = useState<string | undefined>(search.get('slot') ?? undefined);
  const [pickedDay, setPickedDay] = useState<string | undefined>(undefined);
  const [key, setKey] = useState(newIdempotencyKey);
  const book = useBook();
  const reschedule = useReschedule();
  const error = book.error ?? reschedule.error;

  const all = slots.data?.items ?? [];
  const shown = mode === 'all' ? all : all.filter((s) => s.mode === mode);
  const selected = shown.find((s) => s.id === selectedId);
  const days = daysOf(shown);
  const day =
    pickedDay && days.includes(pickedDay)
      ? pickedDay
      : selected
        ? localDayKey(selected.startsAt)
        : (days.find((d) => !dayIsFull(slotsOfDay(shown, d), range.now)) ?? days[0]);
  const ofDay = slotsOfDay(shown, day);
  const title = doctor.data?.name ?? t('appointments.doctor.title');

  function choose(slot: Slot) {
    setSelectedId(slot.id);
    setKey(newIdempotencyKey());
    book.reset();
    reschedule.reset();
  }

  function refused(err: unknown) {
    const refusal = refusalOf(err instanceof ApiError ? err.code : undefined);
    if (refusal === 'taken' || refusal === 'past' || refusal === 'closed') {
      setSelectedId(undefined);
      void slots.refetch();
    }
    setKey(newIdempotencyKey());
  }

  function booked(appointment: Appointment, done: 'booked' | 'rescheduled') {
    if (triageId)
      void recordTriageOutcome(triageId, { action: 'booked', refId: appointment.id }).catch(() => undefined);
    void navigate(`/appointments/${encodeURIComponent(appointment.id)}?done=${done}`, { replace: true });
  }

  function confirm() {
    if (!selected) return;
    if (moving.data) {
      reschedule.mutate(
        { id: moving.data.id, slotId: selected.id, version: moving.data.version },
        { onSuccess: (a) => booked(a, 'rescheduled'), onError: refused },
      );
      return;
    }
    if (!patientId) return;
    book.mutate(
      { patientId, slotId: selected.id, key },
      { onSuccess: (a) => booked(a, 'booked'), onError: refused },
    );
  }

  return (
    <div className="page stack">
      <PageHeader title={title} backTo={rescheduleId ? `/appointments/${rescheduleId}` : '/book'} />
      {doctor.data && (
        <section className="card stack" data-testid="book-doctor-card">
          <p>
            <strong>{doctor.data.name}</strong>
            {doctor.data.title && <span className="muted"> · {doctor.data.title}</span>}
            {doctor.data.department && <span className="muted"> · {doctor.data.department.name}</span>}
          </p>
          <RatingText rating={doctor.data.rating} />
        </section>
      )}
      <ErrorNotice error={doctor.error ?? moving.error} />
      <section aria-labelledby="book-slots-title" className="stack">
        <h2 id="book-slots-title">{t('appointments.doctor.title')}</h2>
        {slots.isPending && <Loading />}
        <ErrorNotice error={slots.error} />
        {slots.data && all.length === 0 && (
          <Notice tone="info">{t('appointments.doctor.noSlotsAtAll')}</Notice>
        )}
        {all.length > 0 && (
          <SlotPicker
            slots={all}
            mode={mode}
            onMode={setMode}
            day={day}
            onDay={setPickedDay}
            selectedId={selected?.id}
            onSelect={choose}
            now={range.now}
          />
        )}
        {day && dayIsFull(ofDay, range.now) && !rescheduleId && (
          <WaitlistJoin doctorId={doctorId} date={day} patientId={patientId} />
        )}
      </section>
      <div aria-live="polite">
        <RefusalNotice error={error} />
      </div>
      {selected && (
        <ConfirmBooking
          slot={selected}
          allowed={allowed}
          patientId={patientId}
          onPatient={(id) => {
            setPatientId(id);
            setKey(newIdempotencyKey());
          }}
          rescheduling={moving.data}
          busy={book.isPending || reschedule.isPending}
          onConfirm={confirm}
        />
      )}
    </div>
  );
}
