import type { CheckupTrend } from '@careloop/contracts';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../followup/lib/due';
import { trendChartOption } from '../lib/trend-chart';

// Only the parts this chart draws, so the bundle carries a line chart and not all of ECharts.
echarts.use([LineChart, GridComponent, TooltipComponent, MarkAreaComponent, CanvasRenderer]);

/** The drawing of one trend; loaded lazily (see CheckupTrends) so the report opens before ECharts arrives. */
export function CheckupTrendChart({ trend }: { trend: CheckupTrend }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(
    () =>
      trendChartOption(trend, {
        reference: t('checkupReport.referenceBand'),
        formatDate: (iso) => formatDay(iso, i18n.language),
      }),
    [trend, t, i18n.language],
  );
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 240, width: '100%' }}
      opts={{ renderer: 'canvas' }}
    />
  );
}
