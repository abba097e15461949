import type { GlucoseContext } from '@careloop/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_CONTEXTS } from '../lib/reading-draft.ts';

interface GlucoseContextChoiceProps {
  value: GlucoseContext | '';
  onChange: (value: GlucoseContext) => void;
  error?: string;
}

/** When the glucose was measured (fasting, before or after a meal...): it changes what the number means. */
export function GlucoseContextChoice({ value, onChange, error }: GlucoseContextChoiceProps) {
  const { t } = useTranslation();
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
      <legend>{t('monitoring.add.context')}</legend>
      {ENTRY_CONTEXTS.map((context) => (
        <label key={context} className="choice" data-testid={`monitoring-context-${context}`}>
          <input
            type="radio"
            name={name}
            value={context}
            checked={value === context}
            onChange={() => onChange(context)}
            aria-invalid={error ? true : undefined}
          />
          {t(`monitoring.context.${context}`)}
        </label>
      ))}
      {error && (
        <span className="field-error choice-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
