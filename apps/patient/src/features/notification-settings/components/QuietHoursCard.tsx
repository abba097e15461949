import type { QuietHours } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { ToggleSwitch } from '../../../ui/ToggleSwitch.tsx';

interface QuietHoursCardProps {
  value: QuietHours | null;
  timeZone: string;
  onChange: (value: QuietHours | null) => void;
  /** Field messages from the server, by path. */
  errors: Record<string, string>;
}

const DEFAULT: QuietHours = { start: '22:00', end: '07:00' };

/** 免打扰时段: non-urgent news waits until the end; urgent health alerts still come through. */
export function QuietHoursCard({ value, timeZone, onChange, errors }: QuietHoursCardProps) {
  const { t } = useTranslation();
  const on = value !== null;
  return (
    <section className="card stack" aria-labelledby="quiet-title">
      <div className="card-row">
        <div>
          <h2 id="quiet-title">{t('notifySettings.quiet.title')}</h2>
          <p className="muted">{t('notifySettings.quiet.help')}</p>
        </div>
        <ToggleSwitch
          label={t('notifySettings.quiet.switch')}
          hideLabel
          checked={on}
          onChange={(next) => onChange(next ? DEFAULT : null)}
          testId="quiet-switch"
        />
      </div>
      {value && (
        <div className="stack">
          {(['start', 'end'] as const).map((edge) => (
            <label key={edge} className="field">
              <span>{t(`notifySettings.quiet.${edge}`)}</span>
              <input
                type="time"
                value={value[edge]}
                required
                onChange={(e) => onChange({ ...value, [edge]: e.target.value })}
                aria-invalid={errors[`body.quietHours.${edge}`] ? true : undefined}
                data-testid={`quiet-${edge}`}
              />
              {errors[`body.quietHours.${edge}`] && (
                <span className="field-error">{errors[`body.quietHours.${edge}`]}</span>
              )}
            </label>
          ))}
          <p className="muted">{t('notifySettings.quiet.timeZone', { zone: timeZone })}</p>
        </div>
      )}
    </section>
  );
}
