import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const MonitoringChart = lazy(() => import('./MonitoringChart').then((m) => ({ default: m.MonitoringChart })));

/**
 * A chart with what a screen reader needs: the drawing is an image named by what it shows, and the same facts
 * are written out in a visually hidden paragraph (or shown, as the caption).
 */
export function ChartFigure({
  label,
  summary,
  caption,
  option,
  height = 280,
  testId,
}: {
  /** Names the image: "血压曲线，28 次读数". */
  label: string;
  /** What the chart shows, in words, for screen readers. */
  summary?: string;
  /** Shown under the chart (e.g. the target band). */
  caption?: string;
  option: object;
  height?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <figure className="monitoring-figure" data-testid={testId}>
      <div role="img" aria-label={label} className="monitoring-figure__chart" style={{ minHeight: height }}>
        <Suspense
          fallback={
            <Skeleton.Node active className="monitoring-figure__loading">
              {t('monitoringTab.chartLoading')}
            </Skeleton.Node>
          }
        >
          <MonitoringChart option={option} height={height} />
        </Suspense>
      </div>
      {caption || summary ? (
        <figcaption className="monitoring-figure__caption">
          {caption ? <span>{caption}</span> : null}
          {summary ? <span className="visually-hidden">{summary}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
