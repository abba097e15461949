import type { LifestyleAssessment } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { useLifestyle } from '../hooks/useRecordQueries.ts';
import { formatDateTime } from './format.ts';
import { LifestyleForm } from './LifestyleForm.tsx';
import { ActingFor, RecordFrame, type RecordContext } from './RecordFrame.tsx';
import { SourceTag } from './RecordTags.tsx';

function LifestyleFacts({ item }: { item: LifestyleAssessment }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [
      t('lifestyle.smoking'),
      item.smoking
        ? [
            t(`lifestyle.smokingValues.${item.smoking}`),
            item.cigarettesPerDay !== null ? t('lifestyle.perDay', { count: item.cigarettesPerDay }) : null,
          ]
            .filter(Boolean)
            .join(' · ')
        : null,
    ],
    [t('lifestyle.alcohol'), item.alcohol ? t(`lifestyle.alcoholValues.${item.alcohol}`) : null],
    [
      t('lifestyle.activity'),
      item.activityMinutesPerWeek !== null
        ? t('lifestyle.perWeek', { count: item.activityMinutesPerWeek })
        : null,
    ],
    [
      t('lifestyle.sleepHours'),
      item.sleepHours !== null ? t('lifestyle.hours', { count: item.sleepHours }) : null,
    ],
    [t('lifestyle.diet'), item.diet],
    [t('lifestyle.note'), item.note],
  ];
  return (
    <dl className="facts">
      {rows
        .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function LifestyleBody({ patientId, acting, canEdit }: RecordContext) {
  const { t, i18n } = useTranslation();
  const lifestyle = useLifestyle(patientId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (lifestyle.isPending) return <Loading />;
  if (lifestyle.error) return <ErrorNotice error={lifestyle.error} />;
  const { latest, items } = lifestyle.data;
  const earlier = items.filter((i) => i.id !== latest?.id);
  return (
    <>
      <ActingFor acting={acting} />
      {saved && <Notice tone="success">{t('entries.saved')}</Notice>}
      {editing ? (
        <LifestyleForm
          patientId={patientId}
          latest={latest}
          onDone={(done) => {
            setEditing(false);
            setSaved(done);
          }}
        />
      ) : (
        <section className="card" aria-labelledby="lifestyle-current" data-testid="lifestyle-current">
          <h2 id="lifestyle-current">{t('lifestyle.current')}</h2>
          {latest ? (
            <>
              <LifestyleFacts item={latest} />
              <div className="entry-meta" style={{ marginTop: 8 }}>
                <SourceTag source={latest.source} org={latest.sourceOrg} />
                <span>
                  {t('lifestyle.assessedAt', { time: formatDateTime(latest.assessedAt, i18n.language) })}
                </span>
              </div>
            </>
          ) : (
            <p className="muted">{t('lifestyle.empty')}</p>
          )}
          {canEdit && (
            <div className="actions">
              <Button
                color="primary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
                data-testid="lifestyle-update"
              >
                {t('lifestyle.update')}
              </Button>
            </div>
          )}
        </section>
      )}
      {earlier.length > 0 && (
        <section aria-labelledby="lifestyle-history">
          <h2 id="lifestyle-history" style={{ marginBottom: 8 }}>
            {t('lifestyle.history')}
          </h2>
          <ul className="items">
            {earlier.map((item) => (
              <li key={item.id} className="item">
                <div className="entry-meta">
                  <SourceTag source={item.source} org={item.sourceOrg} />
                  <span>{formatDateTime(item.assessedAt, i18n.language)}</span>
                </div>
                <LifestyleFacts item={item} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** 生活方式: the current assessment, its history, and a new assessment from the patient. */
export function LifestylePage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('lifestyle.title')} backTo="/records">
      {(record) => <LifestyleBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
