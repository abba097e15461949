import { LineChartOutlined } from '@ant-design/icons';
import type { Observation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatRange } from '../lib/format';
import { trendSearch } from '../lib/trend-link';
import { ObservationValue } from './FlagText';
import { RecordCard, RecordEmpty } from './RecordCard';
import { SourceTag } from './SourceTag';

/** The latest value of every code that is flagged, critical first; each opens its curve. */
export function SummaryAbnormalCard({ items }: { items: Observation[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...items].sort(
    (a, b) =>
      Number(b.flag === 'HH' || b.flag === 'LL') - Number(a.flag === 'HH' || a.flag === 'LL') ||
      b.effectiveAt.localeCompare(a.effectiveAt),
  );
  return (
    <RecordCard title={t('record.summary.abnormal')} testId="summary-abnormal" className="record-card--alert">
      {sorted.length === 0 ? (
        <RecordEmpty text={t('record.summary.noAbnormal')} />
      ) : (
        <ul className="record-list">
          {sorted.map((o) => (
            <li key={o.id} className="record-list__item" data-testid="abnormal-item">
              <div className="record-list__main">
                <Link
                  to={trendSearch(o.code)}
                  className="record-list__title"
                  aria-label={t('record.summary.showTrend', { name: o.name })}
                >
                  <LineChartOutlined aria-hidden /> {o.name}
                </Link>
                <ObservationValue value={o.value} valueText={o.valueText} unit={o.unit} flag={o.flag} />
              </div>
              <div className="record-list__meta">
                {formatRange(o.referenceLow, o.referenceHigh, o.referenceText, i18n.language) ? (
                  <span>
                    {t('record.trends.referenceRange', {
                      range: formatRange(o.referenceLow, o.referenceHigh, o.referenceText, i18n.language),
                    })}
                  </span>
                ) : null}
                <span>{formatDay(o.effectiveAt, i18n.language)}</span>
                <SourceTag source={o.source} sourceOrg={o.sourceOrg} recordedBy={o.recordedBy?.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </RecordCard>
  );
}
