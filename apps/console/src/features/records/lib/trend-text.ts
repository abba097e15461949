import type { TFunction } from 'i18next';
import { flagView } from './flags';
import { displayUnit, formatDay, formatNumber } from './format';
import type { ChartPoint } from './series-summary';
import { seriesSummary } from './series-summary';

/**
 * The chart said in words for screen readers (and tests): latest value with its flag and day, lowest and highest,
 * the direction and how many values are abnormal. Null when there is nothing to say.
 */
export function trendSentence(
  name: string,
  unit: string | null,
  points: readonly ChartPoint[],
  t: TFunction,
  language: string,
): string | null {
  const summary = seriesSummary(points);
  if (!summary) return null;
  const withUnit = (value: number) =>
    `${formatNumber(value, language)}${unit ? ` ${displayUnit(unit)}` : ''}`;
  const view = flagView(summary.latest.flag);
  return t('record.trends.summary', {
    name,
    latest: withUnit(summary.latest.value),
    flag: view ? t(view.labelKey) : t('record.flags.N'),
    time: formatDay(summary.latest.at, language),
    min: withUnit(summary.min),
    max: withUnit(summary.max),
    direction: t(`record.trends.direction.${summary.direction}`),
    count: summary.count,
    abnormal: summary.abnormalCount,
  });
}
