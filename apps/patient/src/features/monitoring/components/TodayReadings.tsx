import type { Reading } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { SourceTag } from '../../records/components/RecordTags.tsx';
import { ReadingRow } from './ReadingRow.tsx';

/** Readings shown before "show all". */
const SHOWN = 10;

interface TodayReadingsProps {
  readings: readonly Reading[] | undefined;
  isPending: boolean;
  error: unknown;
}

/**
 * Today's readings, newest first, each with its value, unit, time and flag in words. A glucose sensor's readings
 * (one every few minutes) are summed up by the newest one; their curve is on the trends page.
 */
export function TodayReadings({ readings, isPending, error }: TodayReadingsProps) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const sorted = [...(readings ?? [])].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const sensor = sorted.filter((r) => r.context === 'cgm');
  const latestSensor = sensor[0];
  const listed = sorted.filter((r) => r.context !== 'cgm' || r === latestSensor);
  const shown = all ? listed : listed.slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="today-readings-title" data-testid="today-readings">
      <h2 id="today-readings-title">{t('monitoring.today.title')}</h2>
      {isPending && <Loading />}
      <ErrorNotice error={error} />
      {readings && sorted.length === 0 && <p className="muted">{t('monitoring.today.empty')}</p>}
      {shown.length > 0 && (
        <ul className="reading-list" aria-labelledby="today-readings-title">
          {shown.map((r) => (
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
      {sensor.length > 1 && (
        <p className="muted">
          <Link to="/monitoring/trends" className="text-link">
            {t('monitoring.today.sensorCount', { count: sensor.length })}
          </Link>
        </p>
      )}
      {!all && listed.length > SHOWN && (
        <Button block fill="outline" onClick={() => setAll(true)} data-testid="today-show-all">
          {t('monitoring.today.showAll', { count: listed.length })}
        </Button>
      )}
    </section>
  );
}
