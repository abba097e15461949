import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWaitlist } from '../hooks/useAppointmentQueries.ts';
import { dayText, timeText } from '../lib/format.ts';

/** My waitlist entries still open: an offer links to its confirmation page. Nothing shown when there are none. */
export function WaitlistSection() {
  const { t, i18n } = useTranslation();
  const waitlist = useWaitlist();
  const open = (waitlist.data?.items ?? []).filter((w) => w.status === 'waiting' || w.status === 'offered');
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="waitlist-title" className="stack" data-testid="waitlist-section">
      <h2 id="waitlist-title">{t('appointments.list.waitlist')}</h2>
      <ul className="items">
        {open.map((w) => (
          <li key={w.id} className="item" data-testid="waitlist-item" data-status={w.status}>
            {w.status === 'offered' && w.offerExpiresAt ? (
              <Link to={`/appointments/waitlist/${encodeURIComponent(w.id)}`} className="appointment-link">
                <strong>
                  {t('appointments.list.offer', { time: timeText(w.offerExpiresAt, i18n.language) })}
                </strong>
                <span className="muted">{w.doctor.name}</span>
              </Link>
            ) : (
              <span>
                {t('appointments.list.waitingFor', {
                  doctor: w.doctor.name,
                  date: dayText(`${w.date}T12:00:00`, i18n.language),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
