import type { PatientProfile } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.ts';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { updatePatient } from '../../profiles/api/profiles.api.ts';
import { myPatientsQueryKey } from '../../profiles/hooks/useMyPatients.ts';
import { patientQueryKey } from '../hooks/usePatientProfile.ts';
import { changesFrom, draftFrom, type DemographicsDraft } from './demographics-form-model.ts';
import { isMasked } from './format.ts';

const sexes = ['male', 'female', 'other', 'unknown'] as const;
const insuranceTypes = ['urban_employee', 'urban_rural_resident', 'commercial', 'self_pay', 'other'] as const;

interface DemographicsFormProps {
  profile: PatientProfile;
  onDone: (outcome: 'saved' | 'cancelled' | 'conflict') => void;
}

export function DemographicsForm({ profile, onDone }: DemographicsFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DemographicsDraft>(() => draftFrom(profile));
  const save = useMutation({
    mutationFn: () => updatePatient(profile.id, { ...changesFrom(draft, profile), version: profile.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(patientQueryKey(profile.id), updated);
      void queryClient.invalidateQueries({ queryKey: myPatientsQueryKey });
      onDone('saved');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: patientQueryKey(profile.id) });
        onDone('conflict');
      }
    },
  });
  const errors = localizedFieldErrors(save.error);
  const text = (
    key: keyof DemographicsDraft,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(value) => setDraft((d) => ({ ...d, [key]: value }))}
      error={errors[key]}
      optional
      {...extra}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(changesFrom(draft, profile)).length === 0) onDone('cancelled');
    else save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="records-edit-title" data-testid="records-form">
      <h2 id="records-edit-title" style={{ marginBottom: 12 }}>
        {t('records.editTitle')}
      </h2>
      <ErrorNotice error={save.error} />
      {text('name', t('records.name'), { optional: false, autoComplete: 'name', error: errors.name })}
      <SelectField
        label={t('records.sex')}
        value={draft.sex}
        onChange={(sex) => setDraft((d) => ({ ...d, sex }))}
        options={sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
        error={errors.sex}
      />
      {text('birthDate', t('records.birthDate'), { type: 'date', optional: false })}
      {text('nationalId', t('records.nationalId'), {
        hint: isMasked(profile.nationalId)
          ? `${profile.nationalId ?? ''} · ${t('records.keepHint')}`
          : undefined,
      })}
      {text('phone', t('records.phone'), {
        type: 'tel',
        hint: isMasked(profile.phone) ? `${profile.phone ?? ''} · ${t('records.keepHint')}` : undefined,
      })}
      <fieldset className="card" style={{ border: 0, margin: '0 0 12px', padding: 0 }}>
        <legend className="field-label">{t('records.address')}</legend>
        {text('province', t('records.province'), { error: errors['address.province'] })}
        {text('city', t('records.city'), { error: errors['address.city'] })}
        {text('district', t('records.district'), { error: errors['address.district'] })}
        {text('line', t('records.line'), { autoComplete: 'street-address', error: errors['address.line'] })}
        {text('postalCode', t('records.postalCode'), { error: errors['address.postalCode'] })}
      </fieldset>
      <fieldset className="card" style={{ border: 0, margin: '0 0 12px', padding: 0 }}>
        <legend className="field-label">{t('records.emergencyContact')}</legend>
        {text('emergencyName', t('records.emergencyName'), { error: errors['emergencyContact.name'] })}
        {text('emergencyRelationship', t('records.emergencyRelationship'), {
          error: errors['emergencyContact.relationship'],
        })}
        {text('emergencyPhone', t('records.emergencyPhone'), {
          type: 'tel',
          error: errors['emergencyContact.phone'],
        })}
      </fieldset>
      <fieldset className="card" style={{ border: 0, margin: '0 0 12px', padding: 0 }}>
        <legend className="field-label">{t('records.insurance')}</legend>
        <SelectField
          label={t('records.insuranceType')}
          value={draft.insuranceType}
          onChange={(insuranceType) => setDraft((d) => ({ ...d, insuranceType }))}
          options={insuranceTypes.map((s) => ({ value: s, label: t(`insuranceType.${s}`) }))}
          error={errors['insurance.type']}
          optional
        />
        {text('insuranceNumber', t('records.insuranceNumber'), { error: errors['insurance.number'] })}
        {text('insuranceProvider', t('records.insuranceProvider'), { error: errors['insurance.provider'] })}
      </fieldset>
      <div className="actions">
        <Button type="submit" color="primary" loading={save.isPending} data-testid="records-save">
          {t('common.save')}
        </Button>
        <Button type="button" onClick={() => onDone('cancelled')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
