import type { PatientInput } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { myPatientsQueryKey } from '../../profiles/hooks/useMyPatients.ts';
import { familyApi, type FamilyRelationship } from '../api/family.api.ts';

const relationships = ['spouse', 'child', 'parent', 'sibling', 'grandparent', 'other'] as const;
const sexes = ['male', 'female', 'other', 'unknown'] as const;

interface Draft {
  relationship: FamilyRelationship | '';
  name: string;
  sex: PatientInput['sex'] | '';
  birthDate: string;
  nationalId: string;
  phone: string;
}

const empty: Draft = { relationship: '', name: '', sex: '', birthDate: '', nationalId: '', phone: '' };

export function AddFamilyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(empty);
  const [missing, setMissing] = useState<Partial<Record<keyof Draft, string>>>({});
  const add = useMutation({
    mutationFn: ({ relationship, profile }: { relationship: FamilyRelationship; profile: PatientInput }) =>
      familyApi.add(relationship, profile),
    onSuccess: async (_answer, { profile }) => {
      await queryClient.invalidateQueries({ queryKey: myPatientsQueryKey });
      void navigate('/me/family', { state: { added: profile.name } });
    },
  });
  const serverErrors = localizedFieldErrors(add.error);
  const errorOf = (key: keyof Draft) => missing[key] ?? serverErrors[`profile.${key}`] ?? serverErrors[key];
  const set = (key: 'name' | 'birthDate' | 'nationalId' | 'phone') => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const required = ['relationship', 'name', 'sex', 'birthDate'] as const;
    const gaps = Object.fromEntries(
      required.filter((k) => draft[k].trim() === '').map((k) => [k, t('errors.required')]),
    ) as Partial<Record<keyof Draft, string>>;
    setMissing(gaps);
    if (Object.keys(gaps).length > 0 || draft.relationship === '' || draft.sex === '') return;
    const profile: PatientInput = { name: draft.name.trim(), sex: draft.sex, birthDate: draft.birthDate };
    if (draft.nationalId.trim()) profile.nationalId = draft.nationalId.trim();
    if (draft.phone.trim()) profile.phone = draft.phone.trim();
    add.mutate({ relationship: draft.relationship, profile });
  }

  return (
    <div className="page">
      <PageHeader title={t('family.addTitle')} backTo="/me/family" />
      <form onSubmit={submit} noValidate className="card">
        <ErrorNotice error={add.error} />
        <SelectField
          label={t('family.relationship')}
          value={draft.relationship}
          onChange={(relationship) => setDraft((d) => ({ ...d, relationship }))}
          options={relationships.map((r) => ({ value: r, label: t(`relationship.${r}`) }))}
          error={errorOf('relationship')}
          testId="family-relationship"
        />
        <TextField
          label={t('family.name')}
          value={draft.name}
          onChange={set('name')}
          autoComplete="off"
          error={errorOf('name')}
          testId="family-name"
        />
        <SelectField
          label={t('family.sex')}
          value={draft.sex}
          onChange={(sex) => setDraft((d) => ({ ...d, sex }))}
          options={sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
          error={errorOf('sex')}
          testId="family-sex"
        />
        <TextField
          label={t('family.birthDate')}
          type="date"
          value={draft.birthDate}
          onChange={set('birthDate')}
          max={new Date().toISOString().slice(0, 10)}
          error={errorOf('birthDate')}
          testId="family-birthdate"
        />
        <TextField
          label={t('family.nationalId')}
          value={draft.nationalId}
          onChange={set('nationalId')}
          optional
          autoComplete="off"
          maxLength={18}
          error={errorOf('nationalId')}
          testId="family-national-id"
        />
        <TextField
          label={t('family.phone')}
          type="tel"
          value={draft.phone}
          onChange={set('phone')}
          optional
          autoComplete="off"
          error={errorOf('phone')}
          testId="family-phone"
        />
        <Button type="submit" color="primary" block loading={add.isPending} data-testid="family-submit">
          {t('family.submit')}
        </Button>
      </form>
    </div>
  );
}
