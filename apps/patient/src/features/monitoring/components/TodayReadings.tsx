import type { Reading } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { SourceTag } from '../../records/components/RecordTags.tsx';
import { ReadingRow } from './ReadingRow.tsx';

interface TodayReadingsProps {
  readings: readonly Reading[] | undefined;
  isPending: boolean;
  error: unknown;
}

/** Today's readings, newest first, each with its value, unit, time and flag in words. */
export function TodayReadings({ readings, isPending, error }: TodayReadingsProps) {
  const { t } = useTranslation();
  const sorted = [...(readings ?? [])].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return (
    <section className="card" aria-labelledby="today-readings-title" data-testid="today-readings">
      <h2 id="today-readings-title">{t('monitoring.today.title')}</h2>
      {isPending && <Loading />}
      <ErrorNotice error={error} />
      {readings && sorted.length === 0 && <p className="muted">{t('monitoring.today.empty')}</p>}
      {sorted.length > 0 && (
        <ul className="reading-list" aria-labelledby="today-readings-title">
          {sorted.map((r) => (
            <ReadingRow
              key={r.id}
              values={r}
              takenAt={r.takenAt}
              context={r.context}
              flag={r.flag}
              tag={<SourceTag source={r.source} />}
              testId="today-reading"
            />
          ))}
        </ul>
      )}
    </section>
  );
}
