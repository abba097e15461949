import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Notice } from '../../../ui/Notice.tsx';
import { ActingFor, RecordFrame, type RecordContext } from '../../records/components/RecordFrame.tsx';
import type { SendOutcome } from '../lib/outbox.ts';
import { isEntryType } from '../lib/reading-draft.ts';
import { MonitoringReadingForm } from './MonitoringReadingForm.tsx';
import { SendResult } from './SendResult.tsx';
import '../monitoring.css';

type Done = Extract<SendOutcome, { status: 'sent' | 'queued' }>;

function AddReadingBody({ patientId, acting, canEdit }: RecordContext) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [done, setDone] = useState<Done | null>(null);
  const [round, setRound] = useState(0);
  if (!canEdit) return <Notice tone="info">{t('health.readOnly')}</Notice>;
  if (done) {
    return (
      <SendResult
        patientId={patientId}
        outcome={done}
        onAnother={() => {
          setDone(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  const type = params.get('type');
  return (
    <>
      <ActingFor acting={acting} />
      <MonitoringReadingForm
        key={round}
        patientId={patientId}
        initialType={isEntryType(type) ? type : 'blood-pressure'}
        onDone={setDone}
      />
    </>
  );
}

/** 记录测量: a reading typed on the phone, kept on it until the server has it. */
export function AddMonitoringReadingPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('monitoring.add.title')} backTo="/monitoring">
      {(record) => <AddReadingBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
