import { useTranslation } from 'react-i18next';

interface ToggleSwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Hide the label visually when a heading beside the switch already says it. */
  hideLabel?: boolean;
  testId?: string;
}

/** A switch that says its state in words as well as colour, with a tap area of --cl-tap. */
export function ToggleSwitch({ label, checked, onChange, hideLabel, testId }: ToggleSwitchProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className="toggle"
      onClick={() => onChange(!checked)}
      data-testid={testId}
    >
      <span className={hideLabel ? 'sr-only' : undefined}>{label}</span>
      <span className="toggle-track" aria-hidden="true">
        <span className="toggle-thumb" />
      </span>
      <span className="toggle-state" aria-hidden="true">
        {checked ? t('elder.on') : t('elder.off')}
      </span>
    </button>
  );
}
