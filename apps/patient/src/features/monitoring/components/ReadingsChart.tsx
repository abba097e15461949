import type { Reading, ReadingType } from '@careloop/contracts';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { useElderMode } from '../../preferences/hooks/useElderMode.ts';
import { READING_LIMIT, useReadingsOver } from '../hooks/useMonitoringQueries.ts';
import type { ChartLine, ChartSpec } from '../lib/monitoring-chart-options.ts';
import { formatNumber } from '../../records/lib/trend-chart-options.ts';

const MonitoringChart = lazy(() =>
  import('./MonitoringChart.tsx').then((m) => ({ default: m.MonitoringChart })),
);

interface ReadingsChartProps {
  patientId: string;
  type: ReadingType;
  days: number;
  /** The lines to draw from the readings. */
  lines: (readings: readonly Reading[]) => ChartLine[];
  unit: string;
  targets?: ChartSpec['targets'];
  band?: ChartSpec['band'];
}

/** One reading type over the period as a chart, with a sentence for screen readers saying what it shows. */
export function ReadingsChart({ patientId, type, days, lines, unit, targets, band }: ReadingsChartProps) {
  const { t, i18n } = useTranslation();
  const { elderMode } = useElderMode();
  const { query, period } = useReadingsOver(patientId, type, days);
  const spec = useMemo<ChartSpec | null>(() => {
    if (!query.data) return null;
    const drawn = lines(query.data).map((l) => ({
      ...l,
      points: [...l.points].sort((a, b) => a.at.localeCompare(b.at)),
    }));
    return { lines: drawn, unit, targets, band, from: period.from, to: period.to };
  }, [query.data, lines, unit, targets, band, period]);
  const name = t(`monitoring.types.${type}`);

  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!spec || spec.lines.every((l) => l.points.length === 0)) {
    return <p className="muted">{t('monitoring.trends.noReadings', { name })}</p>;
  }
  const count = spec.lines[0]?.points.length ?? 0;
  return (
    <>
      <Suspense fallback={<Loading />}>
        <MonitoringChart
          spec={spec}
          locale={i18n.language}
          elder={elderMode}
          label={t('monitoring.trends.chartLabel', { name, days, unit })}
          testId={`monitoring-chart-${type}`}
        />
      </Suspense>
      <div className="sr-only">
        {spec.lines.map((l) => {
          const values = l.points.map((p) => p.value);
          if (values.length === 0) return null;
          return (
            <p key={l.name}>
              {t('monitoring.trends.chartSummary', {
                name: l.name,
                count: values.length,
                min: formatNumber(Math.min(...values), i18n.language),
                max: formatNumber(Math.max(...values), i18n.language),
                unit,
              })}
            </p>
          );
        })}
      </div>
      {count >= READING_LIMIT && <p className="muted">{t('monitoring.trends.truncated')}</p>}
    </>
  );
}
