import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface AdherenceSeries {
  name: string;
  /** 0..100 per category, null where nothing was due. */
  values: (number | null)[];
}

interface AdherenceChartProps {
  categories: string[];
  series: AdherenceSeries[];
  elder: boolean;
  label: string;
  testId: string;
  /** The 80% line (Osterberg and Blaschke, NEJM 2005). */
  threshold: number;
}

/** Adherence as bars (percent per day or per medication) with the 80% line; the figures are also given in words. */
export function AdherenceChart({ categories, series, elder, label, testId, threshold }: AdherenceChartProps) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 36, top: series.length > 1 ? 36 : 16, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${String(v)}%`) },
      legend: series.length > 1 ? { top: 0, textStyle: { fontSize: elder ? 16 : 12 } } : undefined,
      xAxis: { type: 'category', data: categories, axisLabel: { fontSize: elder ? 14 : 11 } },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%', fontSize: elder ? 14 : 11 },
      },
      series: series.map((s, i) => ({
        name: s.name,
        type: 'bar',
        data: s.values,
        barMaxWidth: 24,
        ...(i === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                data: [{ yAxis: threshold }],
                lineStyle: { type: 'dashed', color: '#8c5a00' },
                label: { formatter: `${threshold}%` },
              },
            }
          : {}),
      })),
    }),
    [categories, series, elder, threshold],
  );
  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate className="trend-chart" />
    </div>
  );
}
