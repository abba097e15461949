import type { GlucoseSummary, Reading, ReadingType } from '@careloop/contracts';
import { Alert, Col, Row, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { formatAxisDate, formatNumber } from '../../records/lib/format';
import type { ChartPoint } from '../../records/lib/series-summary';
import { trendSentence } from '../../records/lib/trend-text';
import { READINGS_LIMIT, periodStart, useReadings } from '../hooks/use-patient-monitoring';
import {
  BP_TARGET,
  GLUCOSE_RANGE,
  RANGE_KEYS,
  agpBins,
  agpChartOption,
  bpChartOption,
  glucoseChartOption,
  tirChartOption,
  weightChartOption,
  type TimeChartText,
} from '../lib/monitoring-charts';
import { formatBp, formatMmol, formatPercent, minuteOfDay } from '../lib/monitoring-format';
import { ChartFigure } from './ChartFigure';
import { MonitoringCard, MonitoringEmpty } from './MonitoringCard';

function useTimeText(days: number): TimeChartText {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      formatAxis: (ms: number) => formatAxisDate(ms, language, days),
      formatTime: (ms: number) => formatDateTime(new Date(ms).toISOString(), language),
      formatNumber: (value: number) => formatNumber(value, language),
    }),
    [language, days],
  );
}

function pointsOf(readings: readonly Reading[], pick: (r: Reading) => number | null): ChartPoint[] {
  return readings.flatMap((r) => {
    const value = pick(r);
    return value === null ? [] : [{ id: r.id, at: r.takenAt, value, flag: r.flag }];
  });
}

/** Loading, failure, nothing in the period, or the chart; with a note when the oldest readings were left out. */
function ReadingsChart({
  query,
  title,
  empty,
  testId,
  children,
}: {
  query: UseQueryResult<Reading[]>;
  title: string;
  empty: string;
  testId: string;
  children: (readings: Reading[]) => ReactNode;
}) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.length === 0) body = <MonitoringEmpty text={empty} />;
  else
    body = (
      <>
        {query.data.length >= READINGS_LIMIT ? (
          <Alert
            type="info"
            showIcon
            title={t('monitoringTab.truncated', { count: READINGS_LIMIT })}
            className="form-alert"
          />
        ) : null}
        {children(query.data)}
      </>
    );
  return (
    <MonitoringCard title={title} testId={testId}>
      {body}
    </MonitoringCard>
  );
}

function useExtent(days: number): [number, number] {
  return [new Date(periodStart(days)).getTime(), Date.now()];
}

export function BpChart({ patientId, days }: { patientId: string; days: number }) {
  const { t, i18n } = useTranslation();
  const query = useReadings(patientId, 'blood-pressure', days);
  const text = useTimeText(days);
  const extent = useExtent(days);
  const title = t('monitoringTab.charts.bp');
  return (
    <ReadingsChart query={query} title={title} empty={t('monitoringTab.bp.none')} testId="chart-bp">
      {(readings) => {
        const systolic = t('monitoring.metrics.systolic');
        const diastolic = t('monitoring.metrics.diastolic');
        const summary = [
          trendSentence(
            systolic,
            'mm[Hg]',
            pointsOf(readings, (r) => r.systolic),
            t,
            i18n.language,
          ),
          trendSentence(
            diastolic,
            'mm[Hg]',
            pointsOf(readings, (r) => r.diastolic),
            t,
            i18n.language,
          ),
        ].join(' ');
        return (
          <ChartFigure
            label={t('monitoringTab.charts.label', { name: title, count: readings.length })}
            summary={summary}
            caption={t('monitoringTab.charts.bpTarget', {
              target: formatBp(BP_TARGET.systolic, BP_TARGET.diastolic, i18n.language),
            })}
            option={bpChartOption(
              readings,
              {
                ...text,
                systolic,
                diastolic,
                systolicTarget: String(BP_TARGET.systolic),
                diastolicTarget: String(BP_TARGET.diastolic),
              },
              extent,
            )}
          />
        );
      }}
    </ReadingsChart>
  );
}

function SingleReadingsChart({
  patientId,
  days,
  type,
}: {
  patientId: string;
  days: number;
  type: Extract<ReadingType, 'glucose' | 'weight'>;
}) {
  const { t, i18n } = useTranslation();
  const query = useReadings(patientId, type, days);
  const text = useTimeText(days);
  const extent = useExtent(days);
  const glucose = type === 'glucose';
  const title = glucose ? t('monitoringTab.charts.glucose') : t('monitoringTab.charts.weight');
  const unit = glucose ? 'mmol/L' : 'kg';
  const name = glucose ? t('monitoring.metrics.glucose') : t('monitoring.metrics.weight');
  const band = t('monitoringTab.charts.glucoseBand', {
    low: formatMmol(GLUCOSE_RANGE.low, i18n.language),
    high: formatMmol(GLUCOSE_RANGE.high, i18n.language),
  });
  return (
    <ReadingsChart
      query={query}
      title={title}
      empty={glucose ? t('monitoringTab.glucose.none') : t('monitoringTab.body.noWeight')}
      testId={glucose ? 'chart-glucose' : 'chart-weight'}
    >
      {(readings) => (
        <ChartFigure
          label={t('monitoringTab.charts.label', { name: title, count: readings.length })}
          summary={
            trendSentence(
              name,
              unit,
              pointsOf(readings, (r) => r.value),
              t,
              i18n.language,
            ) ?? undefined
          }
          caption={glucose ? band : undefined}
          option={
            glucose
              ? glucoseChartOption(readings, { ...text, name, unit, band }, extent)
              : weightChartOption(readings, { ...text, name, unit }, extent)
          }
        />
      )}
    </ReadingsChart>
  );
}

export function GlucoseChart(props: { patientId: string; days: number }) {
  return <SingleReadingsChart {...props} type="glucose" />;
}

export function WeightChart(props: { patientId: string; days: number }) {
  return <SingleReadingsChart {...props} type="weight" />;
}

/** The ambulatory glucose profile and the time-in-ranges bar, from the summary. */
export function GlucoseProfileCharts({ glucose }: { glucose: GlucoseSummary | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const bins = glucose ? agpBins(glucose.agp) : [];
  const unit = 'mmol/L';
  const band = t('monitoringTab.charts.glucoseBand', {
    low: formatMmol(GLUCOSE_RANGE.low, lang),
    high: formatMmol(GLUCOSE_RANGE.high, lang),
  });
  const agpTitle = t('monitoringTab.charts.agp');
  const tirTitle = t('monitoringTab.charts.tir');
  const ranges = Object.fromEntries(
    RANGE_KEYS.map((key) => [key, t(`monitoringTab.glucose.ranges.${key}`)]),
  ) as Record<(typeof RANGE_KEYS)[number], string>;

  // Where the median runs highest and lowest, in words for screen readers.
  const highest = bins.reduce<(typeof bins)[number] | null>((a, b) => (a && a.p50 >= b.p50 ? a : b), null);
  const lowest = bins.reduce<(typeof bins)[number] | null>((a, b) => (a && a.p50 <= b.p50 ? a : b), null);
  const agpSummary =
    highest && lowest
      ? t('monitoringTab.charts.agpSummary', {
          high: formatMmol(highest.p50, lang),
          highAt: minuteOfDay(highest.minute),
          low: formatMmol(lowest.p50, lang),
          lowAt: minuteOfDay(lowest.minute),
        })
      : undefined;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <MonitoringCard title={agpTitle} testId="chart-agp">
          {bins.length === 0 ? (
            <MonitoringEmpty text={t('monitoringTab.charts.agpNone')} />
          ) : (
            <ChartFigure
              label={t('monitoringTab.charts.agpLabel', { name: agpTitle })}
              summary={agpSummary}
              caption={`${t('monitoringTab.charts.agpCaption')} ${band}`}
              option={agpChartOption(glucose?.agp ?? [], {
                median: t('monitoringTab.charts.agpMedian'),
                iqr: t('monitoringTab.charts.agpIqr'),
                outer: t('monitoringTab.charts.agpOuter'),
                band,
                unit,
                formatNumber: (value) => formatMmol(value, lang),
              })}
            />
          )}
        </MonitoringCard>
      </Col>
      <Col xs={24} xl={9}>
        <MonitoringCard title={tirTitle} testId="chart-tir">
          {!glucose || glucose.readings === 0 ? (
            <MonitoringEmpty text={t('monitoringTab.glucose.none')} />
          ) : (
            <>
              <ChartFigure
                label={t('monitoringTab.charts.tirLabel', { name: tirTitle })}
                option={tirChartOption(glucose.percent, {
                  ranges,
                  formatPercent: (value) => formatPercent(value, lang),
                })}
                height={72}
              />
              <ul className="tir-list">
                {[...RANGE_KEYS].reverse().map((key) => (
                  <li key={key} data-range={key}>
                    <span className={`tir-swatch tir-swatch--${key}`} aria-hidden />
                    <span className="tir-list__name">{ranges[key]}</span>
                    <span className="tir-list__value">{formatPercent(glucose.percent[key], lang)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </MonitoringCard>
      </Col>
    </Row>
  );
}
