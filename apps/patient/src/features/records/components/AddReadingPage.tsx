import type { Observation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { useAnalytes } from '../hooks/useRecordQueries.ts';
import { readingItems, type ReadingItem } from '../lib/reading-form-model.ts';
import { ActingFor, RecordFrame, type RecordContext } from './RecordFrame.tsx';
import { ReadingForm } from './ReadingForm.tsx';
import { ReadingResult } from './ReadingResult.tsx';

interface Saved {
  item: ReadingItem;
  observations: Observation[];
}

function AddReadingBody({ patientId, acting, canEdit }: RecordContext) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const analytes = useAnalytes();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [round, setRound] = useState(0);
  if (!canEdit) return <Notice tone="info">{t('health.readOnly')}</Notice>;
  if (analytes.isPending) return <Loading />;
  if (analytes.error) return <ErrorNotice error={analytes.error} />;
  const items = readingItems(analytes.data, i18n.language);
  if (saved) {
    return (
      <ReadingResult
        item={saved.item}
        observations={saved.observations}
        onAnother={() => {
          setSaved(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return (
    <>
      <ActingFor acting={acting} />
      <ReadingForm
        key={round}
        patientId={patientId}
        items={items}
        initialItemId={params.get('item') ?? items[0]?.id ?? ''}
        onSaved={(item, observations) => setSaved({ item, observations })}
      />
    </>
  );
}

/** 记录一个指标: a reading the patient took (blood pressure, glucose, weight...), stored as self-reported. */
export function AddReadingPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('reading.title')} backTo="/records">
      {(record) => <AddReadingBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
