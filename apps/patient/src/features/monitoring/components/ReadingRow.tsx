import type { GlucoseContext, Reading } from '@careloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FlagTag } from '../../records/components/RecordTags.tsx';
import { useReadingWords } from '../hooks/useReadingWords.ts';
import { formatPulse, formatReadingValue, formatTime, type ReadingValues } from '../lib/reading-format.ts';

interface ReadingRowProps {
  values: ReadingValues;
  takenAt: string;
  context?: GlucoseContext | null;
  flag?: Reading['flag'];
  /** A tag after the time: where it came from, or that it still waits on the phone. */
  tag?: ReactNode;
  testId?: string;
}

/** One reading in a list: what, the value with its flag in words, when, and where it came from. */
export function ReadingRow({ values, takenAt, context, flag, tag, testId }: ReadingRowProps) {
  const { t, i18n } = useTranslation();
  const words = useReadingWords();
  const pulse = formatPulse(values, i18n.language, words);
  return (
    <li className="reading-row" data-testid={testId} data-type={values.type}>
      <div className="reading-main">
        <span className="reading-name">
          {t(`monitoring.types.${values.type}`)}
          {context ? <span className="muted"> · {t(`monitoring.context.${context}`)}</span> : null}
        </span>
        <span className="reading-value">
          <span data-testid="reading-value-text">{formatReadingValue(values, i18n.language, words)}</span>
          <FlagTag flag={flag} showNormal />
        </span>
      </div>
      <div className="entry-meta">
        <time dateTime={takenAt}>{formatTime(takenAt, i18n.language)}</time>
        {pulse && <span>{t('monitoring.pulseValue', { value: pulse })}</span>}
        {tag}
      </div>
    </li>
  );
}
