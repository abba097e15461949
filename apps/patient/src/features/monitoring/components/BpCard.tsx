import type { BpSummary } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../records/lib/trend-chart-options.ts';
import { bpLines } from './chart-lines.ts';
import { FactList } from './FactList.tsx';
import { ReadingsChart } from './ReadingsChart.tsx';

const STATUS = {
  controlled: { color: 'success', mark: '✓' },
  uncontrolled: { color: 'danger', mark: '!' },
  'insufficient-data': { color: 'default', mark: '?' },
} as const;

interface BpCardProps {
  bp: BpSummary;
  patientId: string;
  days: number;
}

/** Home blood pressure in words: controlled or not against the home target, how often in target, morning and evening. */
export function BpCard({ bp, patientId, days }: BpCardProps) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(Math.round(v), i18n.language);
  const pair = (p: { systolic: number; diastolic: number }) => `${n(p.systolic)}/${n(p.diastolic)} mmHg`;
  const target = `${bp.target.systolic}/${bp.target.diastolic} mmHg`;
  const status = STATUS[bp.control];
  const lines = useMemo(
    () => bpLines({ systolic: t('monitoring.bp.systolic'), diastolic: t('monitoring.bp.diastolic') }),
    [t],
  );
  const targets = useMemo(
    () => [
      { value: bp.target.systolic, label: t('monitoring.bp.targetLine', { value: bp.target.systolic }) },
      { value: bp.target.diastolic, label: t('monitoring.bp.targetLine', { value: bp.target.diastolic }) },
    ],
    [bp.target.systolic, bp.target.diastolic, t],
  );
  return (
    <section className="card stack metric-card" aria-labelledby="metric-bp-title" data-testid="metric-bp">
      <h2 id="metric-bp-title">{t('monitoring.types.blood-pressure')}</h2>
      <p className="metric-status" data-testid="metric-bp-status" data-status={bp.control}>
        <Tag color={status.color} fill="solid">
          <span aria-hidden="true">{status.mark} </span>
          {t(`monitoring.bp.control.${bp.control}`)}
        </Tag>
      </p>
      <p>{t(`monitoring.bp.explain.${bp.control}`, { target, mean: pair(bp.mean) })}</p>
      <FactList
        facts={[
          { label: t('monitoring.bp.mean'), value: pair(bp.mean) },
          {
            label: t('monitoring.bp.inTarget'),
            value: t('monitoring.percent', { value: n(bp.inTargetPercent) }),
            testId: 'metric-bp-in-target',
          },
          bp.morning
            ? {
                label: t('monitoring.bp.morning'),
                value: t('monitoring.bp.withCount', { value: pair(bp.morning), count: bp.morning.readings }),
              }
            : null,
          bp.evening
            ? {
                label: t('monitoring.bp.evening'),
                value: t('monitoring.bp.withCount', { value: pair(bp.evening), count: bp.evening.readings }),
              }
            : null,
          { label: t('monitoring.readingCount'), value: formatNumber(bp.readings, i18n.language) },
        ]}
      />
      <p className="muted">{t('monitoring.bp.inTargetExplain', { target })}</p>
      <ReadingsChart
        patientId={patientId}
        type="blood-pressure"
        days={days}
        lines={lines}
        unit="mmHg"
        targets={targets}
      />
      <p className="muted">{t('monitoring.bp.chartNote', { target })}</p>
    </section>
  );
}
