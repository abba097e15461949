import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** Daily adherence over the period: overall as bars, each medication as a line, with the 80% line. */
export function AdherenceChart({
  dates,
  overall,
  medications,
  overallName,
  label,
}: {
  dates: string[];
  overall: (number | null)[];
  medications: { name: string; values: (number | null)[] }[];
  overallName: string;
  label: string;
}) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 40, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: overallName,
          type: 'bar',
          data: overall,
          barMaxWidth: 18,
          markLine: { silent: true, symbol: 'none', data: [{ yAxis: 80 }], lineStyle: { type: 'dashed' } },
        },
        ...medications.map((m) => ({ name: m.name, type: 'line', data: m.values, connectNulls: true })),
      ],
    }),
    [dates, overall, medications, overallName],
  );
  return (
    <div role="img" aria-label={label} data-testid="console-adherence-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height: 300 }} />
    </div>
  );
}
