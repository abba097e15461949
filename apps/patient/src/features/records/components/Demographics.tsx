import type { PatientProfile, Relationship } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatAddress, formatDate } from './format.ts';

const relationships: readonly string[] = [
  'self',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'other',
];

function isRelationship(value: string): value is Relationship {
  return relationships.includes(value);
}

export function Demographics({ profile }: { profile: PatientProfile }) {
  const { t, i18n } = useTranslation();
  const notSet = t('common.notSet');
  const contact = profile.emergencyContact;
  const insurance = profile.insurance;
  // The contact's relationship is free text; when it is one of the known codes it is shown in words.
  const relation = contact?.relationship ?? '';
  const contactRelationship = isRelationship(relation) ? t(`relationship.${relation}`) : relation;
  const rows: [string, string][] = [
    [t('records.name'), profile.name],
    [t('records.sex'), t(`sex.${profile.sex}`)],
    [t('records.birthDate'), formatDate(profile.birthDate, i18n.language)],
    [t('records.mrn'), profile.mrn],
    [t('records.nationalId'), profile.nationalId ?? notSet],
    [t('records.phone'), profile.phone ?? profile.phoneMasked ?? notSet],
    [t('records.address'), formatAddress(profile.address) || notSet],
    [
      t('records.emergencyContact'),
      contact ? `${contact.name} (${contactRelationship}) ${contact.phone}` : notSet,
    ],
    [
      t('records.insurance'),
      insurance
        ? [t(`insuranceType.${insurance.type}`), insurance.number, insurance.provider]
            .filter(Boolean)
            .join(' · ')
        : notSet,
    ],
  ];
  return (
    <dl className="facts" data-testid="records-demographics">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
