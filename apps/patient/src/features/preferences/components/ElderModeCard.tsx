import { useTranslation } from 'react-i18next';
import { errorText, Notice } from '../../../ui/Notice.tsx';
import { ToggleSwitch } from '../../../ui/ToggleSwitch.tsx';
import { useElderMode } from '../hooks/useElderMode.ts';

/** The obvious elder-mode switch the specification asks for on the home page. */
export function ElderModeCard({ testId = 'elder-switch' }: { testId?: string }) {
  const { t } = useTranslation();
  const { elderMode, setElderMode, saveError } = useElderMode();
  return (
    <section className="card" aria-labelledby="elder-card-title">
      <div className="card-row">
        <div>
          <h2 id="elder-card-title">{t('elder.title')}</h2>
          <p className="muted">{t('elder.description')}</p>
        </div>
        <ToggleSwitch
          label={t('elder.switchLabel')}
          hideLabel
          checked={elderMode}
          onChange={setElderMode}
          testId={testId}
        />
      </div>
      {saveError !== null && (
        <div style={{ marginTop: 8 }}>
          <Notice tone="error">
            {t('elder.saveFailed', { reason: errorText(saveError, t('errors.generic')) })}
          </Notice>
        </div>
      )}
    </section>
  );
}
