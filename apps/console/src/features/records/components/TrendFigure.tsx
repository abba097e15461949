import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { displayUnit, formatRange } from '../lib/format';
import type { CurveSeries } from '../lib/series-chart';
import { trendSentence } from '../lib/trend-text';

const CurveChart = lazy(() => import('./CurveChart').then((m) => ({ default: m.CurveChart })));

/**
 * A curve with what a screen reader needs: the container is an image named by what it shows, and a visually
 * hidden paragraph says the latest value, the range and the direction. The reference band is written out too.
 */
export function TrendFigure({
  title,
  series,
  from,
}: {
  title: string;
  series: CurveSeries[];
  /** The start of the chosen period (ISO); undefined for all time. */
  from?: string;
}) {
  const { t, i18n } = useTranslation();
  const count = series.reduce((n, s) => n + s.points.length, 0);
  const sentences = series
    .map((s) => trendSentence(s.name, s.unit, s.points, t, i18n.language))
    .filter((s): s is string => !!s);
  const bands = series
    .map((s) => {
      const range = formatRange(s.referenceLow, s.referenceHigh, null, i18n.language);
      if (!range) return null;
      const text = `${range}${s.unit ? ` ${displayUnit(s.unit)}` : ''}`;
      return series.length > 1 ? `${s.name} ${text}` : text;
    })
    .filter((b): b is string => !!b);
  return (
    <figure className="trend-figure" data-testid="trend-chart">
      <div
        role="img"
        aria-label={t('record.trends.chartLabel', { name: title, count })}
        className="trend-figure__chart"
      >
        <Suspense
          fallback={
            <Skeleton.Node active className="trend-figure__loading">
              {t('record.trends.chartLoading')}
            </Skeleton.Node>
          }
        >
          <CurveChart series={series} from={from} />
        </Suspense>
      </div>
      <figcaption className="trend-figure__caption">
        {bands.length ? <span className="trend-band-key" aria-hidden /> : null}
        <span data-testid="trend-reference">
          {bands.length
            ? t('record.trends.referenceRange', {
                range: bands.join(i18n.language === 'zh-CN' ? '；' : '; '),
              })
            : t('record.trends.noReference')}
        </span>
        <p className="visually-hidden" data-testid="trend-summary">
          {sentences.join(' ')}
        </p>
      </figcaption>
    </figure>
  );
}
