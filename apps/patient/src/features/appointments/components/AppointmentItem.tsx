import type { Appointment } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { whenText } from '../lib/format.ts';

/** One appointment in a list: when, whom with, the patient, and its state in words. */
export function AppointmentItem({ appointment: a }: { appointment: Appointment }) {
  const { t, i18n } = useTranslation();
  const when = whenText(a.startsAt, i18n.language);
  return (
    <li className="item" data-testid="appointment-item" data-status={a.status} data-appointment-id={a.id}>
      <Link
        to={`/appointments/${encodeURIComponent(a.id)}`}
        className="appointment-link"
        aria-label={t('appointments.list.open', { when, doctor: a.doctor.name })}
        data-testid="appointment-open"
      >
        <span className="item-title">
          <span>{when}</span>
          <span className="appointment-status" data-status={a.status} data-testid="appointment-status">
            {t(`appointments.status.${a.status}`)}
          </span>
        </span>
        <span>
          {a.doctor.name}
          {a.doctor.title && <span className="muted"> · {a.doctor.title}</span>}
          {a.department && <span className="muted"> · {a.department.name}</span>}
        </span>
        <span className="muted">
          {t(`appointments.mode.${a.mode}`)} · {t('appointments.forPatient', { name: a.patient.name })}
        </span>
      </Link>
    </li>
  );
}
