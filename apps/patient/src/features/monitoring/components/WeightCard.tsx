import type { MonitoringSummary } from '@careloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../records/components/format.ts';
import { weightFacts } from '../lib/metric-facts.ts';
import { valueLine } from './chart-lines.ts';
import { FactList } from './FactList.tsx';
import { ReadingsChart } from './ReadingsChart.tsx';

interface WeightCardProps {
  weight: NonNullable<MonitoringSummary['weight']>;
  patientId: string;
  days: number;
}

/** Weight in words: the latest, and whether it went down, up or stayed about the same over the period. */
export function WeightCard({ weight, patientId, days }: WeightCardProps) {
  const { t, i18n } = useTranslation();
  const f = weightFacts(weight);
  const kg = (v: number) =>
    `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(Math.abs(v))} kg`;
  const name = t('monitoring.types.weight');
  const lines = useMemo(() => valueLine(name), [name]);
  return (
    <section
      className="card stack metric-card"
      aria-labelledby="metric-weight-title"
      data-testid="metric-weight"
    >
      <h2 id="metric-weight-title">{name}</h2>
      {f.direction && f.changeKg !== null && (
        <p data-testid="metric-weight-trend">
          {t(`monitoring.weight.${f.direction}`, { change: kg(f.changeKg), days })}
          {f.kgPerWeek !== null && f.direction !== 'steady'
            ? ` ${t('monitoring.weight.perWeek', { value: kg(f.kgPerWeek) })}`
            : ''}
        </p>
      )}
      <FactList
        facts={[
          {
            label: t('monitoring.weight.latest'),
            value: `${kg(f.latestKg)} (${formatDateTime(f.latestAt, i18n.language)})`,
          },
          f.bmi !== null
            ? {
                label: t('monitoring.weight.bmi'),
                value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(f.bmi),
              }
            : null,
        ]}
      />
      <ReadingsChart patientId={patientId} type="weight" days={days} lines={lines} unit="kg" />
    </section>
  );
}
