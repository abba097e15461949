import type { Observation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCriticalFlag } from '../lib/flags.ts';
import { formatQuantity } from '../lib/units.ts';
import { formatDateTime } from './format.ts';
import { FlagTag } from './RecordTags.tsx';

const SHOWN = 5;

/** Critical values first, then the newest. */
export function byUrgency(items: readonly Observation[]): Observation[] {
  return [...items].sort((a, b) => {
    const critical = Number(isCriticalFlag(b.flag)) - Number(isCriticalFlag(a.flag));
    return critical !== 0 ? critical : b.effectiveAt.localeCompare(a.effectiveAt);
  });
}

/** The latest abnormal results, highlighted at the top of the record; each opens its curve. */
export function AttentionCard({ items }: { items: readonly Observation[] }) {
  const { t, i18n } = useTranslation();
  const shown = byUrgency(items).slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="attention-title" data-testid="record-attention">
      <h2 id="attention-title">{t('health.attentionTitle')}</h2>
      {shown.length === 0 ? (
        <p className="muted">{t('health.attentionNone')}</p>
      ) : (
        <ul className="attention-list">
          {shown.map((o) => (
            <li key={o.id}>
              <Link to={`/records/trends?code=${encodeURIComponent(o.code)}`} data-testid="attention-item">
                <span>{o.name}</span>
                <span className="attention-value">
                  {formatQuantity(o.value, o.valueText, o.unit, i18n.language, t('unit.perMinute'))}
                  <FlagTag flag={o.flag} />
                </span>
                <span className="muted" style={{ flexBasis: '100%' }}>
                  {formatDateTime(o.effectiveAt, i18n.language)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN && (
        <Link to="/records/trends" className="text-link">
          {t('health.attentionMore')}
        </Link>
      )}
    </section>
  );
}
