import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { buildMonitoringOption, type ChartSpec } from '../lib/monitoring-chart-options.ts';

// Only what a line chart with target lines and a band needs, so the chart chunk stays small.
echarts.use([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

interface MonitoringChartProps {
  spec: ChartSpec;
  locale: string;
  elder: boolean;
  label: string;
  testId: string;
}

/** The chart itself (loaded on demand): a picture for sighted readers; the cards beside it say it in words. */
export function MonitoringChart({ spec, locale, elder, label, testId }: MonitoringChartProps) {
  const option = useMemo(() => buildMonitoringOption(spec, { locale, elder }), [spec, locale, elder]);
  return (
    <div role="img" aria-label={label} data-testid={testId}>
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
