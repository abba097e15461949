import { EditOutlined } from '@ant-design/icons';
import type { PatientProfile } from '@careloop/contracts';
import { Button, Card, Descriptions, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn } from '../../../lib/format';
import { EditPatientModal } from './EditPatientModal';

/** `canEdit`: only the care team edits; break-glass access is read only. */
export function DemographicsCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const none = t('common.none');
  const age = ageOn(profile.birthDate);
  const address = profile.address
    ? [profile.address.province, profile.address.city, profile.address.district, profile.address.line]
        .filter(Boolean)
        .join(' ') + (profile.address.postalCode ? ` (${profile.address.postalCode})` : '')
    : '';
  const contact = profile.emergencyContact;
  const insurance = profile.insurance;

  const items: DescriptionsProps['items'] = [
    { key: 'mrn', label: t('patients.mrn'), children: profile.mrn },
    { key: 'name', label: t('patientForm.name'), children: profile.name },
    { key: 'sex', label: t('patientForm.sex'), children: t(`sex.${profile.sex}`) },
    {
      key: 'birthDate',
      label: t('profile.birthDate'),
      children:
        age === null ? profile.birthDate : `${profile.birthDate} · ${t('patients.ageYears', { count: age })}`,
    },
    { key: 'nationalId', label: t('patientForm.nationalId'), children: profile.nationalId ?? none },
    { key: 'phone', label: t('patientForm.phone'), children: profile.phone ?? none },
    { key: 'address', label: t('patientForm.address'), children: address || none, span: 2 },
    {
      key: 'contact',
      label: t('patientForm.emergencyContact'),
      children: contact
        ? `${contact.name} (${t(`relationships.${contact.relationship}`, { defaultValue: contact.relationship })}) ${contact.phone}`
        : none,
      span: 2,
    },
    {
      key: 'insurance',
      label: t('patientForm.insurance'),
      children: insurance
        ? [t(`insuranceTypes.${insurance.type}`), insurance.number, insurance.provider]
            .filter(Boolean)
            .join(' · ')
        : none,
      span: 2,
    },
  ];

  return (
    <Card
      title={<h2 className="card-heading">{t('profile.demographics')}</h2>}
      extra={
        canEdit ? (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions items={items} column={2} bordered size="small" />
      {editing ? <EditPatientModal profile={profile} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
