import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { myPatientsQueryKey, useMyPatients } from '../../profiles/hooks/useMyPatients.ts';
import { familyApi } from '../api/family.api.ts';
import { FamilyItem } from './FamilyItem.tsx';

export function FamilyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const patients = useMyPatients();
  const [removedName, setRemovedName] = useState<string | null>(null);
  const addedName = (location.state as { added?: string } | null)?.added;
  const remove = useMutation({
    mutationFn: (entry: { id: string; name: string }) => familyApi.remove(entry.id),
    onSuccess: (_answer, entry) => {
      setRemovedName(entry.name);
      void queryClient.invalidateQueries({ queryKey: myPatientsQueryKey });
    },
  });

  return (
    <div className="page stack">
      <PageHeader title={t('family.title')} backTo="/me" />
      <p>{t('family.intro')}</p>
      {addedName && !removedName && <Notice tone="success">{t('family.added', { name: addedName })}</Notice>}
      {removedName && <Notice tone="success">{t('family.removed', { name: removedName })}</Notice>}
      <ErrorNotice error={remove.error} />
      <Button color="primary" block onClick={() => void navigate('/me/family/new')} data-testid="family-add">
        {t('family.add')}
      </Button>
      {patients.isPending && <Loading />}
      <ErrorNotice error={patients.error} />
      {patients.data?.length === 0 && <EmptyState title={t('family.empty')} />}
      {patients.data && patients.data.length > 0 && (
        <ul className="items" aria-label={t('family.title')}>
          {patients.data.map((entry) => (
            <FamilyItem
              key={entry.patient.id}
              entry={entry}
              removing={remove.isPending && remove.variables.id === entry.patient.id}
              onRemove={() => remove.mutate({ id: entry.patient.id, name: entry.patient.name })}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
