import type { TriageDoctor, TriageOutcomeBody, TriageResult } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SlotChips, type ChipSlot } from '../../appointments/components/SlotChips.tsx';
import { useDoctorNextFree } from '../../appointments/hooks/useAppointmentQueries.ts';

interface TriageResultViewProps {
  sessionId: string;
  patientId: string;
  result: TriageResult;
  onOutcome: (body: TriageOutcomeBody) => void;
}

function DoctorItem(props: {
  doctor: TriageDoctor;
  departmentName: string | undefined;
  sessionId: string;
  patientId: string;
  onConsult: () => void;
}) {
  const { doctor: d, departmentName, sessionId, patientId, onConsult } = props;
  const { t } = useTranslation();
  // The result names the next free times when triage could ask scheduling; otherwise they are asked here.
  const asked = useDoctorNextFree(d.id, 3, d.nextSlots === null);
  const slots: ChipSlot[] =
    d.nextSlots ??
    (asked.data?.items ?? []).map((s) => ({ slotId: s.id, startsAt: s.startsAt, mode: s.mode }));
  const known = d.nextSlots !== null || asked.isSuccess;
  return (
    <li
      className="item"
      data-testid="triage-doctor"
      data-doctor-id={d.id}
      data-department-code={d.departmentCode}
    >
      <span className="item-title">
        {d.name}
        {d.title && <span className="muted">{d.title}</span>}
        {departmentName && <span className="muted">{departmentName}</span>}
      </span>
      {known && slots.length === 0 && <p className="muted">{t('triage.result.noSlots')}</p>}
      {slots.length > 0 && (
        <SlotChips
          slots={slots}
          doctorId={d.id}
          doctorName={d.name}
          search={{ for: patientId, triage: sessionId }}
          testId="triage-slot"
        />
      )}
      <span className="triage-doctor-links">
        <Link
          className="text-link"
          to={`/book/doctors/${encodeURIComponent(d.id)}?for=${encodeURIComponent(patientId)}&triage=${encodeURIComponent(sessionId)}`}
          data-testid="triage-doctor-book"
        >
          {t('triage.result.allSlots')}
        </Link>
        {d.consultOnline && (
          <Link className="text-link" to="/consult/new" onClick={onConsult} data-testid="triage-consult">
            {t('triage.result.consultOnline')}
          </Link>
        )}
      </span>
    </li>
  );
}

/** The result: urgency with what it means, the top departments with reasons, their doctors with next free times. */
export function TriageResultView({ sessionId, patientId, result, onOutcome }: TriageResultViewProps) {
  const { t } = useTranslation();
  const level = result.urgency.level;
  return (
    <div className="stack" data-testid="triage-result">
      <section
        className={`card stack triage-urgency triage-urgency-${level}`}
        aria-labelledby="triage-urgency-title"
        data-testid="triage-urgency"
        data-level={level}
      >
        <h2 id="triage-urgency-title">
          {t('triage.result.urgencyTitle')}
          {t(`triage.urgency.${level}.label`)}
        </h2>
        <p>{t(`triage.urgency.${level}.meaning`)}</p>
        {result.urgency.reason && <p className="muted">{result.urgency.reason}</p>}
      </section>

      {result.symptoms.length > 0 && (
        <section aria-labelledby="triage-symptoms-title" className="card stack">
          <h2 id="triage-symptoms-title">{t('triage.result.symptoms')}</h2>
          <ul className="triage-symptoms">
            {result.symptoms.map((s) => (
              <li key={s.id} data-testid="triage-symptom" data-negated={s.negated}>
                {s.negated ? t('triage.result.negated', { label: s.label }) : s.label}
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.departments.length > 0 && (
        <section aria-labelledby="triage-departments-title" className="stack">
          <h2 id="triage-departments-title">{t('triage.result.departments')}</h2>
          <ol className="items">
            {result.departments.map((d, i) => (
              <li
                key={d.departmentCode}
                className="item"
                data-testid="triage-department"
                data-code={d.departmentCode}
              >
                <span className="item-title">
                  <span className="triage-rank">{t('triage.result.rank', { rank: i + 1 })}</span>
                  <span data-testid="triage-department-name">{d.name}</span>
                </span>
                <span className="muted">{d.reason}</span>
                {d.departmentId && (
                  <Link
                    className="text-link"
                    to={`/book/departments/${encodeURIComponent(d.departmentId)}?for=${encodeURIComponent(patientId)}`}
                    data-testid="triage-department-book"
                  >
                    {t('triage.result.bookDepartment', { name: d.name })}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {result.doctors.length > 0 && (
        <section aria-labelledby="triage-doctors-title" className="stack">
          <h2 id="triage-doctors-title">{t('triage.result.doctors')}</h2>
          <ul className="items">
            {result.doctors.map((d) => (
              <DoctorItem
                key={d.id}
                doctor={d}
                departmentName={result.departments.find((x) => x.departmentCode === d.departmentCode)?.name}
                sessionId={sessionId}
                patientId={patientId}
                onConsult={() => onOutcome({ action: 'consulted' })}
              />
            ))}
          </ul>
        </section>
      )}
      <p className="muted" data-testid="triage-disclaimer">
        {result.disclaimer}
      </p>
    </div>
  );
}
