import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { useElderMode } from '../../preferences/hooks/useElderMode.ts';
import { useSeries } from '../hooks/useRecordQueries.ts';
import { formatDateTime } from './format.ts';
import {
  formatNumber,
  formatRange,
  type TrendChartText,
  type TrendSeries,
} from '../lib/trend-chart-options.ts';
import type { TrendChoice } from '../lib/trend-codes.ts';
import { rangeStart, summarizeTrend, TREND_RANGES, type TrendRange } from '../lib/trend-summary.ts';
import { displayUnit } from '../lib/units.ts';

const TrendChart = lazy(() => import('./TrendChart.tsx').then((m) => ({ default: m.TrendChart })));

interface TrendPanelProps {
  patientId: string;
  choice: TrendChoice;
}

/** One item over time: the period switch, the chart with its reference band, and a text summary for screen readers. */
export function TrendPanel({ patientId, choice }: TrendPanelProps) {
  const { t, i18n } = useTranslation();
  const { elderMode } = useElderMode();
  const [range, setRange] = useState<TrendRange>('all');
  // The period is fixed when it is chosen, so the query key stays put between renders.
  const period = useMemo(() => {
    const now = new Date();
    const from = rangeStart(range, now);
    return { from, axis: from ? { from: Date.parse(from), to: now.getTime() } : {} };
  }, [range]);
  const from = period.from;
  const query = useSeries(patientId, choice.codes, from);
  const perMinute = t('unit.perMinute');
  const series: TrendSeries[] = useMemo(
    () => (query.data ?? []).map((s) => ({ ...s, unit: displayUnit(s.unit, perMinute) || null })),
    [query.data, perMinute],
  );
  const text: TrendChartText = useMemo(
    () => ({
      locale: i18n.language,
      flag: (flag) => t(`flag.${flag}`),
      referenceRange: t('trends.reference', { range: '' }).trim(),
    }),
    [i18n.language, t],
  );
  const hasPoints = series.some((s) => s.points.length > 0);
  const unit = series[0]?.unit ?? '';

  function summaryOf(s: TrendSeries): string | null {
    const summary = summarizeTrend(s);
    if (!summary) return null;
    const value = (n: number) => `${formatNumber(n, i18n.language)}${s.unit ? ` ${s.unit}` : ''}`;
    const sentence = t('trends.summary', {
      value: value(summary.latest.value),
      time: formatDateTime(summary.latest.at, i18n.language),
      flag: t(`flag.${summary.latest.flag ?? 'N'}`),
      count: summary.count,
      min: value(summary.min),
      max: value(summary.max),
      abnormal: summary.abnormalCount,
      direction: t(`trends.direction.${summary.direction}`),
    });
    return series.length > 1 ? `${s.name}: ${sentence}` : sentence;
  }

  return (
    <section className="card stack" aria-labelledby="trend-title" data-testid="trend-panel">
      <h2 id="trend-title">{choice.name}</h2>
      <div className="segmented-choice" role="group" aria-label={t('trends.rangeLabel')}>
        {TREND_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={range === r}
            onClick={() => setRange(r)}
            data-testid={`trend-range-${r}`}
          >
            {t(`trends.range.${r}`)}
          </button>
        ))}
      </div>
      {query.isPending && <Loading />}
      <ErrorNotice error={query.error} />
      {query.data && !hasPoints && <p className="muted">{t('trends.noPoints')}</p>}
      {query.data && hasPoints && (
        <>
          <Suspense fallback={<Loading />}>
            <TrendChart
              series={series}
              text={text}
              elder={elderMode}
              period={period.axis}
              label={t('trends.chartLabel', { name: choice.name, unit })}
            />
          </Suspense>
          <div className="sr-only" data-testid="trend-summary">
            {series.map((s) => (
              <p key={s.code}>{summaryOf(s)}</p>
            ))}
          </div>
          <p className="muted" aria-hidden="true">
            {t('trends.legend')}
          </p>
          {series.map((s) => {
            const band = formatRange(s.referenceLow, s.referenceHigh, i18n.language);
            return (
              <p key={s.code} className="muted">
                {series.length > 1 ? `${s.name}: ` : ''}
                {band
                  ? t('trends.reference', { range: `${band} ${s.unit ?? ''}`.trim() })
                  : t('trends.noReference')}
              </p>
            );
          })}
          {query.data.some((s) => s.truncated) && <p className="muted">{t('trends.truncated')}</p>}
        </>
      )}
      <Link to="/records/readings/new" className="text-link">
        {t('health.addReading')}
      </Link>
    </section>
  );
}
