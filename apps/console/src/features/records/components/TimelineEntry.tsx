import type { TimelineItem } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineKind } from '../lib/record-types';
import { isFlagged } from '../lib/timeline-days';
import { checkupSearch, trendSearch } from '../lib/trend-link';
import { FlagText } from './FlagText';
import { SourceTag } from './SourceTag';
import { ToneTag, type Tone } from './ToneTag';

const KIND_COLORS: Record<TimelineKind, Tone> = {
  observation: 'blue',
  checkup: 'cyan',
  condition: 'purple',
  allergy: 'red',
  medication: 'green',
  procedure: 'geekblue',
  family_history: 'magenta',
  lifestyle: 'gold',
  encounter: 'orange',
  document: 'default',
};

/** One entry of the timeline: its kind, what happened, its flag, where it came from, and where to look further. */
export function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t, i18n } = useTranslation();
  const flagged = isFlagged(item);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(item.at));
  return (
    <div
      className={`timeline-entry${flagged ? ' timeline-entry--flagged' : ''}`}
      data-testid="timeline-entry"
      data-kind={item.kind}
    >
      <div className="timeline-entry__head">
        <ToneTag className="timeline-entry__kind" tone={KIND_COLORS[item.kind]}>
          {t(`record.timeline.kinds.${item.kind}`)}
        </ToneTag>
        <span className="timeline-entry__title">{item.title}</span>
        <FlagText flag={item.flag} />
        {item.kind === 'checkup' && item.counts ? (
          <span className={item.counts.abnormal > 0 ? 'record-flag record-flag--high' : 'muted'}>
            {t('record.timeline.checkupCounts', { abnormal: item.counts.abnormal, total: item.counts.total })}
          </span>
        ) : null}
      </div>
      {item.detail ? <div className="timeline-entry__detail">{item.detail}</div> : null}
      <div className="record-list__meta">
        <time dateTime={item.at}>{time}</time>
        <SourceTag source={item.source} sourceOrg={item.sourceOrg} recordedBy={item.recordedBy} />
        {item.kind === 'observation' && item.code ? (
          <Link to={trendSearch(item.code)}>{t('record.timeline.openTrend')}</Link>
        ) : null}
        {item.kind === 'checkup' ? (
          <Link to={checkupSearch(item.reportId ?? item.id)}>{t('record.timeline.openCheckup')}</Link>
        ) : null}
      </div>
    </div>
  );
}
