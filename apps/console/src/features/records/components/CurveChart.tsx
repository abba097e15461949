import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { formatAxisDate, formatNumber } from '../lib/format';
import { curveChartOption, type CurveSeries } from '../lib/series-chart';
import { timeExtent } from '../lib/time-range';

// Only the parts this chart draws, so the bundle carries a line chart and not all of ECharts.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, CanvasRenderer]);

/** The drawing of one or two curves; loaded lazily (React.lazy in TrendsTab) so the first screen stays light. */
export function CurveChart({
  series,
  from,
  height = 320,
}: {
  series: CurveSeries[];
  /** The start of the chosen period (ISO); undefined for all time. */
  from?: string;
  height?: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo(() => {
    const times = series.flatMap((s) => s.points.map((p) => new Date(p.at).getTime()));
    const extent = timeExtent(times, from);
    const spanDays = (extent[1] - extent[0]) / 86_400_000;
    return curveChartOption(
      series,
      {
        reference: t('record.trends.reference'),
        language,
        formatAxis: (ms) => formatAxisDate(ms, language, spanDays),
        formatTime: (iso) => formatDateTime(iso, language),
        formatNumber: (value) => formatNumber(value, language),
        flagText: (flag) => t(`record.flags.${flag}`),
        sourceText: (source) => t(`record.sources.${source}`),
      },
      extent,
    );
  }, [series, from, t, language]);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height, width: '100%' }}
      opts={{ renderer: 'canvas' }}
    />
  );
}
