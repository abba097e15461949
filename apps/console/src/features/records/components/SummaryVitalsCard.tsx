import type { Observation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { flagView } from '../lib/flags';
import { formatDateTime } from '../../../lib/format';
import { displayUnit, timeAgo } from '../lib/format';
import { trendSearch } from '../lib/trend-link';
import { vitalTiles } from '../lib/vitals';
import { FlagText } from './FlagText';
import { RecordCard, RecordEmpty } from './RecordCard';
import { SourceTag } from './SourceTag';

/** Latest BP (one value from the systolic/diastolic pair), heart rate, weight, BMI, glucose…, each a link to its curve. */
export function SummaryVitalsCard({ vitals, labs }: { vitals: Observation[]; labs: Observation[] }) {
  const { t, i18n } = useTranslation();
  const tiles = vitalTiles(vitals, labs, i18n.language);
  return (
    <RecordCard title={t('record.summary.vitals')} testId="summary-vitals">
      {tiles.length === 0 ? (
        <RecordEmpty text={t('record.summary.noVitals')} />
      ) : (
        <ul className="vital-tiles">
          {tiles.map((tile) => {
            const name = tile.name ?? t('record.summary.bloodPressure');
            const view = flagView(tile.flag);
            const first = tile.observations[0];
            return (
              <li key={tile.key} className={`vital-tile${view?.abnormal ? ' vital-tile--flagged' : ''}`}>
                <Link
                  to={trendSearch(tile.code)}
                  className="vital-tile__link"
                  aria-label={t('record.summary.showTrend', { name })}
                >
                  <span className="vital-tile__name">{name}</span>
                </Link>
                <span className={`vital-tile__value${view?.abnormal ? ` record-flag--${view.tone}` : ''}`}>
                  {tile.value}
                  {tile.unit ? <span className="vital-tile__unit"> {displayUnit(tile.unit)}</span> : null}
                </span>
                <FlagText flag={tile.flag} />
                <time
                  className="vital-tile__time muted"
                  dateTime={tile.at}
                  title={formatDateTime(tile.at, i18n.language)}
                >
                  {timeAgo(tile.at, i18n.language)}
                </time>
                {first ? (
                  <SourceTag
                    source={first.source}
                    sourceOrg={first.sourceOrg}
                    recordedBy={first.recordedBy?.name}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </RecordCard>
  );
}
