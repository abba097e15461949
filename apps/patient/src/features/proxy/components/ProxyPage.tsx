import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Notice } from '../../../ui/Notice.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { GivenGrants } from './GivenGrants.tsx';
import { ReceivedGrants } from './ReceivedGrants.tsx';

export function ProxyPage() {
  const { t } = useTranslation();
  const { profiles, acting, isLoading } = useActingProfile();
  const own = profiles.filter((p) => p.via === 'own');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const fallback = acting?.via === 'own' ? acting : own[0];
  const selected = own.find((p) => p.patient.id === chosenId) ?? fallback;

  return (
    <div className="page stack">
      <PageHeader title={t('proxy.title')} backTo="/me" />
      <p>{t('proxy.intro')}</p>
      <section className="card" aria-labelledby="given-title">
        <h2 id="given-title">{t('proxy.given')}</h2>
        {isLoading && <Loading />}
        {!isLoading && !selected && <Notice tone="info">{t('proxy.noOwnProfile')}</Notice>}
        {own.length > 1 && selected && (
          <SelectField
            label={t('proxy.profile')}
            value={selected.patient.id}
            onChange={setChosenId}
            options={own.map((p) => ({
              value: p.patient.id,
              label: `${p.patient.name} · ${t(`relationship.${p.relationship}`)}`,
            }))}
            testId="proxy-profile"
          />
        )}
        {selected && <GivenGrants key={selected.patient.id} patientId={selected.patient.id} />}
      </section>
      <section className="card" aria-labelledby="received-title">
        <h2 id="received-title">{t('proxy.received')}</h2>
        <ReceivedGrants />
      </section>
    </div>
  );
}
