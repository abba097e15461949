import type { GlucoseSummary } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../records/lib/trend-chart-options.ts';
import { GLUCOSE_RANGE, glucoseFacts, type TargetCheck } from '../lib/metric-facts.ts';
import { valueLine } from './chart-lines.ts';
import { FactList } from './FactList.tsx';
import { ReadingsChart } from './ReadingsChart.tsx';

interface GlucoseCardProps {
  glucose: GlucoseSummary;
  patientId: string;
  days: number;
}

function Met({ check }: { check: TargetCheck }) {
  const { t } = useTranslation();
  return (
    <Tag color={check.met ? 'success' : 'warning'} fill="outline">
      <span aria-hidden="true">{check.met ? '✓ ' : '! '}</span>
      {check.met ? t('monitoring.glucose.met') : t('monitoring.glucose.notMet')}
    </Tag>
  );
}

/** Glucose in words: time in range against its target, time below range, the average, GMI and how much it swings. */
export function GlucoseCard({ glucose, patientId, days }: GlucoseCardProps) {
  const { t, i18n } = useTranslation();
  const f = glucoseFacts(glucose);
  const n = (v: number, digits = 1) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);
  const pct = (v: number) => t('monitoring.percent', { value: n(v, 0) });
  const range = `${formatNumber(GLUCOSE_RANGE.low, i18n.language)}–${formatNumber(GLUCOSE_RANGE.high, i18n.language)}`;
  const name = t('monitoring.types.glucose');
  const lines = useMemo(() => valueLine(name), [name]);
  const band = useMemo(
    () => ({ ...GLUCOSE_RANGE, label: t('monitoring.glucose.band', { range }) }),
    [t, range],
  );
  return (
    <section
      className="card stack metric-card"
      aria-labelledby="metric-glucose-title"
      data-testid="metric-glucose"
    >
      <h2 id="metric-glucose-title">{name}</h2>
      <p data-testid="metric-glucose-tir">
        {t('monitoring.glucose.tirSentence', {
          percent: pct(f.inRange.percent),
          range,
          target: pct(f.inRange.target),
        })}{' '}
        <Met check={f.inRange} />
      </p>
      <p>
        {t('monitoring.glucose.tbrSentence', { percent: pct(f.below.percent), target: pct(f.below.target) })}{' '}
        <Met check={f.below} />
      </p>
      {!f.below.met && <p className="field-error">{t('monitoring.glucose.tbrWarning')}</p>}
      <FactList
        facts={[
          { label: t('monitoring.glucose.inRange', { range }), value: pct(f.inRange.percent) },
          {
            label: t('monitoring.glucose.below', { low: n(GLUCOSE_RANGE.low) }),
            value: pct(f.below.percent),
          },
          { label: t('monitoring.glucose.above', { high: n(GLUCOSE_RANGE.high) }), value: pct(f.above) },
          { label: t('monitoring.glucose.mean'), value: `${n(f.mean)} mmol/L` },
          f.gmi !== null
            ? {
                label: t('monitoring.glucose.gmi'),
                value: t('monitoring.percent', { value: n(f.gmi) }),
                testId: 'metric-glucose-gmi',
              }
            : null,
          f.cv !== null
            ? {
                label: t('monitoring.glucose.cv'),
                value:
                  f.stable === null
                    ? pct(f.cv)
                    : `${pct(f.cv)} · ${f.stable ? t('monitoring.glucose.stable') : t('monitoring.glucose.unstable')}`,
              }
            : null,
          { label: t('monitoring.readingCount'), value: formatNumber(f.readings, i18n.language) },
        ]}
      />
      {f.gmi !== null && <p className="muted">{t('monitoring.glucose.gmiExplain')}</p>}
      {f.cv !== null && <p className="muted">{t('monitoring.glucose.cvExplain')}</p>}
      {!f.sufficient && <p className="muted">{t('monitoring.glucose.insufficient')}</p>}
      <ReadingsChart
        patientId={patientId}
        type="glucose"
        days={days}
        lines={lines}
        unit="mmol/L"
        band={band}
      />
      <p className="muted">{t('monitoring.glucose.chartNote', { range })}</p>
    </section>
  );
}
