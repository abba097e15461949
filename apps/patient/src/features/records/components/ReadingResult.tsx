import type { Observation } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Notice } from '../../../ui/Notice.tsx';
import { isAbnormalFlag, isCriticalFlag } from '../lib/flags.ts';
import type { ReadingItem } from '../lib/reading-form-model.ts';
import { formatQuantity } from '../lib/units.ts';
import { formatDateTime } from './format.ts';
import { FlagTag, SourceTag } from './RecordTags.tsx';

interface ReadingResultProps {
  item: ReadingItem;
  observations: readonly Observation[];
  onAnother: () => void;
}

/** What was stored: each value with its flag in words and its source, and advice when a value is out of range. */
export function ReadingResult({ item, observations, onAnother }: ReadingResultProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const critical = observations.some((o) => isCriticalFlag(o.flag));
  const abnormal = observations.find((o) => isAbnormalFlag(o.flag));
  const first = observations[0];
  return (
    <section className="card stack" aria-labelledby="reading-saved-title" data-testid="reading-result">
      <Notice tone="success">
        <h2 id="reading-saved-title">{t('reading.savedTitle')}</h2>
      </Notice>
      <ul className="attention-list">
        {observations.map((o) => (
          <li key={o.id} data-testid="reading-saved-value">
            <div className="card-row" style={{ flexWrap: 'wrap', minHeight: 'var(--cl-tap)' }}>
              <span>{o.name}</span>
              <span className="attention-value">
                {formatQuantity(o.value, o.valueText, o.unit, i18n.language, t('unit.perMinute'))}
                {o.flag ? <FlagTag flag={o.flag} showNormal /> : null}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <div className="entry-meta">
        {first && <SourceTag source={first.source} />}
        {first && <span>{formatDateTime(first.effectiveAt, i18n.language)}</span>}
      </div>
      {critical && (
        <Notice tone="error">
          <strong>{t('reading.criticalAdvice')}</strong>
        </Notice>
      )}
      {!critical && abnormal?.flag && (
        <Notice tone="info">{t('reading.abnormalAdvice', { flag: t(`flag.${abnormal.flag}`) })}</Notice>
      )}
      {!abnormal && (
        <p className="muted">
          {observations.every((o) => o.flag === null) ? t('reading.noRange') : t('reading.normal')}
        </p>
      )}
      <div className="actions">
        <Button color="primary" onClick={onAnother} data-testid="reading-another">
          {t('reading.addAnother')}
        </Button>
        <Button
          color="primary"
          fill="outline"
          onClick={() => void navigate(`/records/trends?code=${encodeURIComponent(item.codes[0] ?? '')}`)}
          data-testid="reading-view-trend"
        >
          {t('reading.viewTrend')}
        </Button>
        <Button fill="outline" onClick={() => void navigate('/records')}>
          {t('reading.backToRecord')}
        </Button>
      </div>
    </section>
  );
}
