import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ProfileSwitcher } from '../../profiles/components/ProfileSwitcher.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { usePatientProfile } from '../hooks/usePatientProfile.ts';
import { Demographics } from './Demographics.tsx';
import { DemographicsForm } from './DemographicsForm.tsx';
import { formatDateTime } from './format.ts';

type Outcome = 'saved' | 'conflict' | null;

export function RecordsPage() {
  const { t, i18n } = useTranslation();
  const { acting, profiles, isLoading, error: profilesError } = useActingProfile();
  const canView = acting !== null && (acting.via === 'own' || acting.scopes.includes('view'));
  const profile = usePatientProfile(canView ? acting.patient.id : undefined);
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  function body() {
    if (isLoading) return <Loading />;
    if (profilesError) return <ErrorNotice error={profilesError} />;
    if (!acting) return <EmptyState title={t('records.noProfile')} />;
    if (!canView) return <Notice tone="info">{t('records.noViewScope')}</Notice>;
    if (profile.isPending) return <Loading />;
    if (profile.error) return <ErrorNotice error={profile.error} />;
    const data = profile.data;
    if (editing) {
      return (
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
      );
    }
    return (
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
    );
  }

  return (
    <div className="page stack">
      <PageHeader title={t('records.title')} />
      {profiles.length > 1 && (
        <section className="card" aria-labelledby="records-switcher-title">
          <h2 id="records-switcher-title" style={{ marginBottom: 8 }}>
            {t('home.switcherTitle')}
          </h2>
          <ProfileSwitcher labelledBy="records-switcher-title" />
        </section>
      )}
      {outcome === 'saved' && <Notice tone="success">{t('records.saved')}</Notice>}
      {outcome === 'conflict' && <Notice tone="error">{t('records.conflict')}</Notice>}
      {body()}
    </div>
  );
}
