import type { ObservationCodeSummary, ObservationSeries } from '@careloop/contracts';
import { Alert, Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useSeries } from '../hooks/use-record';
import type { CurveSeries } from '../lib/series-chart';
import { rangeStart, type TimeRange } from '../lib/time-range';
import { DIASTOLIC, SYSTOLIC, isBloodPressure } from '../lib/vitals';
import { RecordEmpty } from './RecordCard';
import { TrendFigure } from './TrendFigure';

function curveOf(series: ObservationSeries): CurveSeries {
  return {
    name: series.name,
    unit: series.unit,
    referenceLow: series.referenceLow,
    referenceHigh: series.referenceHigh,
    points: series.points,
  };
}

/**
 * The curve of the picked item over the range. Blood pressure (either of its two codes) is drawn as systolic and
 * diastolic together, each with its band, because the pair is what a clinician reads.
 */
export function TrendChartPanel({
  patientId,
  picked,
  range,
}: {
  patientId: string;
  picked: ObservationCodeSummary;
  range: TimeRange;
}) {
  const { t } = useTranslation();
  const bp = isBloodPressure(picked.code);
  const first = useSeries(patientId, bp ? SYSTOLIC : picked.code, range);
  const second = useSeries(patientId, bp ? DIASTOLIC : null, range);
  const queries = bp ? [first, second] : [first];
  const failed = queries.find((q) => q.isError);
  const title = bp ? t('record.trends.bloodPressure') : picked.name;

  let body;
  if (queries.some((q) => q.isPending)) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (failed) body = <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  else {
    const curves = queries
      .map((q) => q.data)
      .filter((s): s is ObservationSeries => !!s)
      .map(curveOf);
    const truncated = queries.some((q) => q.data?.truncated);
    body = curves.every((c) => c.points.length === 0) ? (
      <RecordEmpty text={t('record.trends.noPoints')} />
    ) : (
      <>
        {truncated ? (
          <Alert type="info" showIcon title={t('record.trends.truncated')} className="form-alert" />
        ) : null}
        <TrendFigure
          title={title}
          series={curves.filter((c) => c.points.length > 0)}
          from={rangeStart(range)}
        />
      </>
    );
  }
  return (
    <Card size="small" className="record-card" title={<h3 className="card-heading">{title}</h3>}>
      {body}
    </Card>
  );
}
