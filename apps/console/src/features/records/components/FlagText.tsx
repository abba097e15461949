import { useTranslation } from 'react-i18next';
import { flagView } from '../lib/flags';
import { formatValue } from '../lib/format';
import type { ObservationFlagCode } from '../lib/record-types';

interface ValueProps {
  value: number | null;
  valueText: string | null;
  unit: string | null;
  flag: ObservationFlagCode | null;
}

/** A flag as arrow + word, coloured: ↑ 偏高. Nothing for a normal or unflagged value. */
export function FlagText({ flag }: { flag: ObservationFlagCode | null }) {
  const { t } = useTranslation();
  const view = flagView(flag);
  if (!view || !view.abnormal) return null;
  return (
    <span className={`record-flag record-flag--${view.tone}`} data-flag={flag}>
      <span aria-hidden>{view.arrow} </span>
      {t(view.labelKey)}
    </span>
  );
}

/** A result with its unit and, when abnormal, its flag: `7.2 mmol/L ↑ 偏高`. */
export function ObservationValue({ value, valueText, unit, flag }: ValueProps) {
  const { i18n } = useTranslation();
  const view = flagView(flag);
  return (
    <span className="record-value">
      <span
        className={view?.abnormal ? `record-value__number record-flag--${view.tone}` : 'record-value__number'}
      >
        {formatValue(value, valueText, unit, i18n.language)}
      </span>
      {view?.abnormal ? (
        <>
          {' '}
          <FlagText flag={flag} />
        </>
      ) : null}
    </span>
  );
}
