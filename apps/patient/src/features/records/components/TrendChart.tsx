import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { buildTrendOption, type TrendChartText, type TrendSeries } from '../lib/trend-chart-options.ts';

// Only the parts a line chart with a shaded band needs, so the chart chunk stays small.
echarts.use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);

interface TrendChartProps {
  series: readonly TrendSeries[];
  text: TrendChartText;
  elder: boolean;
  /** The period shown on the time axis (epoch ms), when one was chosen. */
  period: { from?: number; to?: number };
  label: string;
}

/** The curve itself (loaded on demand): a picture for sighted readers; the summary beside it says the same. */
export function TrendChart({ series, text, elder, period, label }: TrendChartProps) {
  const option = useMemo(
    () => buildTrendOption(series, text, { elder, from: period.from, to: period.to }),
    [series, text, elder, period],
  );
  return (
    <div role="img" aria-label={label} data-testid="trend-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        className="trend-chart"
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
