import type { AccessiblePatient } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

interface WhoForProps {
  allowed: readonly AccessiblePatient[];
  value: string | undefined;
  onChange: (patientId: string) => void;
  legend: string;
  testId: string;
}

/** "For whom": a radio per profile (shown only when there is a choice). */
export function WhoFor({ allowed, value, onChange, legend, testId }: WhoForProps) {
  const { t } = useTranslation();
  if (allowed.length < 2) return null;
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {allowed.map((p) => (
        <label key={p.patient.id} className="choice" data-testid={testId}>
          <input
            type="radio"
            name={testId}
            value={p.patient.id}
            checked={value === p.patient.id}
            onChange={() => onChange(p.patient.id)}
          />
          <span>
            {p.patient.name}
            <span className="muted"> · {t(`relationship.${p.relationship}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
