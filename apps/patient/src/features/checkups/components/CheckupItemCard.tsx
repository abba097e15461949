import type { CheckupItem } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../records/components/format.ts';
import { FlagTag } from '../../records/components/RecordTags.tsx';
import { formatRange } from '../../records/lib/trend-chart-options.ts';
import { displayUnit, formatQuantity } from '../../records/lib/units.ts';

const CHANGE_COLOR = {
  better: 'success',
  resolved: 'success',
  worse: 'danger',
  new: 'warning',
  unchanged: 'default',
} as const;

export function useItemText() {
  const { t, i18n } = useTranslation();
  const perMinute = t('unit.perMinute');
  return {
    value: (item: CheckupItem) =>
      formatQuantity(item.valueNum, item.valueText, item.unit, i18n.language, perMinute),
    reference: (item: CheckupItem) => {
      const range = formatRange(item.refLow, item.refHigh, i18n.language);
      if (range)
        return t('checkups.reference', { range: `${range} ${displayUnit(item.unit, perMinute)}`.trim() });
      return item.refText ? t('checkups.referenceText', { text: item.refText }) : null;
    },
  };
}

/** One abnormal item: value and flag, reference range, change since last time, and the plain-language explanation. */
export function CheckupItemCard({ item }: { item: CheckupItem }) {
  const { t, i18n } = useTranslation();
  const text = useItemText();
  const low = item.flag === 'L' || item.flag === 'LL';
  const comparison = item.comparison;
  const reference = text.reference(item);
  return (
    <article
      className={`checkup-item-card${low ? ' is-low' : ''}`}
      aria-labelledby={`item-${item.id}`}
      data-testid="checkup-abnormal-item"
    >
      <h3 id={`item-${item.id}`}>{item.name}</h3>
      <p className="checkup-value">
        <span data-testid="checkup-item-value">{text.value(item)}</span>
        <FlagTag flag={item.flag} />
      </p>
      {reference && <p className="muted">{reference}</p>}
      {comparison && (
        <p className="entry-meta" style={{ marginTop: 4 }}>
          <Tag color={CHANGE_COLOR[comparison.change]} fill="outline" data-testid="checkup-change">
            {t(`checkups.change.${comparison.change}`)}
          </Tag>
          {comparison.previousValue !== null && comparison.previousAt && (
            <span>
              {t('checkups.previous', {
                value: `${comparison.previousValue} ${displayUnit(item.unit, t('unit.perMinute'))}`.trim(),
                date: formatDay(comparison.previousAt, i18n.language),
              })}
            </span>
          )}
        </p>
      )}
      {item.explanation && (
        <details className="checkup-explain" data-testid="checkup-explanation">
          <summary>{t('checkups.explain')}</summary>
          <dl>
            <dt>{t('checkups.measures')}</dt>
            <dd>{item.explanation.measures}</dd>
            <dt>{t('checkups.meaning')}</dt>
            <dd>{item.explanation.meaning}</dd>
            <dt>{t('checkups.nextSteps')}</dt>
            <dd>{item.explanation.nextSteps}</dd>
          </dl>
          {item.explanation.sources.length > 0 && (
            <p className="muted" style={{ marginTop: 8 }}>
              {t('checkups.sources', { sources: item.explanation.sources.join(t('common.listSeparator')) })}
            </p>
          )}
        </details>
      )}
      {item.codeSystem === 'loinc' && item.valueNum !== null && (
        <Link to={`/records/trends?code=${encodeURIComponent(item.code)}`} className="text-link">
          {t('checkups.trendLink')}
        </Link>
      )}
    </article>
  );
}
