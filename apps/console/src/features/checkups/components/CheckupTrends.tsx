import type { CheckupTrend } from '@careloop/contracts';
import { Col, Row, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../followup/lib/due';
import { displayUnit, formatNumber } from '../lib/checkup-format';
import { trendSummary } from '../lib/trend-chart';

const CheckupTrendChart = lazy(() =>
  import('./CheckupTrendChart').then((module) => ({ default: module.CheckupTrendChart })),
);

/** The words a screen reader gets instead of the drawing: latest value, range of values, direction. */
function TrendText({ trend }: { trend: CheckupTrend }) {
  const { t, i18n } = useTranslation();
  const summary = trendSummary(trend);
  if (!summary) return null;
  const unit = trend.unit ? ` ${displayUnit(trend.unit)}` : '';
  return t('checkupReport.trendSummary', {
    name: trend.name,
    count: trend.points.length,
    latest: `${formatNumber(summary.latest)}${unit}`,
    date: formatDay(summary.latestAt, i18n.language),
    min: formatNumber(summary.min),
    max: `${formatNumber(summary.max)}${unit}`,
    direction: t(`checkupReport.direction.${summary.direction}`),
    abnormal: summary.abnormalCount,
  });
}

/** One chart per abnormal item with earlier values: its curve over the patient's checkups. */
export function CheckupTrends({ trends }: { trends: CheckupTrend[] }) {
  const { t } = useTranslation();
  const shown = trends.filter((trend) => trend.points.length > 1);
  if (shown.length === 0) return <p className="muted">{t('checkupReport.noTrends')}</p>;
  return (
    <Row gutter={[16, 16]}>
      {shown.map((trend) => (
        <Col xs={24} xl={12} key={trend.code}>
          <figure className="checkup-trend" data-testid="checkup-trend">
            <figcaption className="checkup-trend__title">
              {trend.name}
              {trend.unit ? ` (${displayUnit(trend.unit)})` : ''}
            </figcaption>
            <div
              role="img"
              aria-label={t('checkupReport.trendLabel', { name: trend.name, count: trend.points.length })}
              className="checkup-trend__chart"
            >
              <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
                <CheckupTrendChart trend={trend} />
              </Suspense>
            </div>
            <p className="visually-hidden" data-testid="trend-summary">
              <TrendText trend={trend} />
            </p>
          </figure>
        </Col>
      ))}
    </Row>
  );
}
