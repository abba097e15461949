import type { DoctorCard } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useConsultTargets } from '../../consult/hooks/useConsultQueries.ts';
import { useBookFor } from '../hooks/useBookFor.ts';
import { useDoctorNextFree } from '../hooks/useAppointmentQueries.ts';
import { feeText } from '../lib/format.ts';
import { RatingText } from './RatingText.tsx';
import { SlotChips } from './SlotChips.tsx';
import '../appointments.css';

function DoctorRow({ doctor, patientId }: { doctor: DoctorCard; patientId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const next = useDoctorNextFree(doctor.id, 3);
  const slots = next.data?.items ?? [];
  const fee = slots[0]?.feeFen;
  const forQuery = patientId ? `?for=${encodeURIComponent(patientId)}` : '';
  return (
    <li className="item" data-testid="book-doctor" data-doctor-id={doctor.id}>
      <span className="item-title">
        {doctor.name}
        {doctor.title && <span className="muted">{doctor.title}</span>}
      </span>
      <span className="book-doctor-meta">
        <RatingText rating={doctor.rating} />
        {fee !== undefined && (
          <span className="muted">{t('appointments.fee', { fee: feeText(fee, i18n.language) })}</span>
        )}
      </span>
      {next.isPending && next.fetchStatus === 'fetching' && <Loading />}
      <ErrorNotice error={next.error} />
      {next.data && slots.length === 0 && <p className="muted">{t('appointments.department.noSlots')}</p>}
      {slots.length > 0 && (
        <SlotChips
          slots={slots.map((s) => ({ slotId: s.id, startsAt: s.startsAt, mode: s.mode }))}
          doctorId={doctor.id}
          doctorName={doctor.name}
          search={{ for: patientId }}
        />
      )}
      <Link
        className="text-link"
        to={`/book/doctors/${encodeURIComponent(doctor.id)}${forQuery}`}
        data-testid="book-doctor-all"
      >
        {t('appointments.department.allSlots', { name: doctor.name })}
      </Link>
    </li>
  );
}

/** A department's doctors, each with title, rating, fee and the next free times. */
export function DepartmentPage() {
  const { t } = useTranslation();
  const { departmentId = '' } = useParams();
  const [search] = useSearchParams();
  const { patientId } = useBookFor(search.get('for'));
  const targets = useConsultTargets(patientId);
  const department = targets.data?.departments.find((d) => d.id === departmentId);
  const doctors = department?.doctors ?? [];
  return (
    <div className="page stack">
      <PageHeader title={department?.name ?? t('appointments.book.title')} backTo="/book" />
      {targets.isPending && targets.fetchStatus === 'fetching' && <Loading />}
      <ErrorNotice error={targets.error} />
      {targets.data && doctors.length === 0 && (
        <Notice tone="info">{t('appointments.department.noDoctors')}</Notice>
      )}
      {doctors.length > 0 && (
        <section aria-labelledby="book-doctors-title" className="stack">
          <h2 id="book-doctors-title">{t('appointments.department.doctors')}</h2>
          <ul className="items">
            {doctors.map((d) => (
              <DoctorRow key={d.id} doctor={d} patientId={patientId} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
