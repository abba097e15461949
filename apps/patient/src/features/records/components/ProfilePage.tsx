import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { usePatientProfile } from '../hooks/usePatientProfile.ts';
import { Demographics } from './Demographics.tsx';
import { DemographicsForm } from './DemographicsForm.tsx';
import { formatDateTime } from './format.ts';
import { RecordFrame, type RecordContext } from './RecordFrame.tsx';

type Outcome = 'saved' | 'conflict' | null;

function ProfileBody({ patientId, acting }: RecordContext) {
  const { t, i18n } = useTranslation();
  const profile = usePatientProfile(patientId);
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  if (profile.isPending) return <Loading />;
  if (profile.error) return <ErrorNotice error={profile.error} />;
  const data = profile.data;
  return (
    <>
      {outcome === 'saved' && <Notice tone="success">{t('records.saved')}</Notice>}
      {outcome === 'conflict' && <Notice tone="error">{t('records.conflict')}</Notice>}
      {editing ? (
        <section className="card">
          <DemographicsForm
            key={data.version}
            profile={data}
            onDone={(result) => {
              setEditing(result === 'conflict');
              setOutcome(result === 'cancelled' ? null : result);
            }}
          />
        </section>
      ) : (
        <section className="card" aria-labelledby="demographics-title">
          <div className="card-row" style={{ marginBottom: 8 }}>
            <h2 id="demographics-title">{t('records.demographics')}</h2>
            {acting.via === 'own' && (
              <Button
                size="small"
                color="primary"
                fill="outline"
                onClick={() => {
                  setOutcome(null);
                  setEditing(true);
                }}
                data-testid="records-edit"
              >
                {t('common.edit')}
              </Button>
            )}
          </div>
          <Demographics profile={data} />
          <p className="muted" style={{ marginTop: 8 }}>
            {t('records.updatedAt', { time: formatDateTime(data.updatedAt, i18n.language) })}
          </p>
          {acting.via === 'proxy' && <p className="muted">{t('records.readOnly')}</p>}
        </section>
      )}
    </>
  );
}

/** 个人信息: the profile's demographics, editable for one's own profiles. */
export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('sections.profile')} backTo="/records">
      {(record) => <ProfileBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
