import type { AccessiblePatient } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { formatDate } from '../../records/components/format.ts';

interface FamilyItemProps {
  entry: AccessiblePatient;
  onRemove: () => void;
  removing: boolean;
}

export function FamilyItem({ entry, onRemove, removing }: FamilyItemProps) {
  const { t, i18n } = useTranslation();
  const { patient } = entry;
  const scopes =
    entry.via === 'own'
      ? t('family.allScopes')
      : entry.scopes.map((s) => t(`scope.${s}`)).join(t('common.listSeparator'));
  return (
    <li className="item" data-testid="family-item">
      <div className="item-title">
        <span>{patient.name}</span>
        <Tag color="primary" fill="outline">
          {t(`relationship.${entry.relationship}`)}
        </Tag>
        <Tag color="default" fill="outline">
          {t(`via.${entry.via}`)}
        </Tag>
      </div>
      <p className="muted">
        {t(`sex.${patient.sex}`)} · {formatDate(patient.birthDate, i18n.language)}
        {patient.phoneMasked ? ` · ${patient.phoneMasked}` : ''}
      </p>
      <p className="muted">{t('family.scopes', { scopes })}</p>
      {entry.expiresAt && (
        <p className="muted">{t('family.expires', { date: formatDate(entry.expiresAt, i18n.language) })}</p>
      )}
      {entry.via === 'own' && entry.relationship !== 'self' && (
        <div style={{ marginTop: 8 }}>
          <InlineConfirm
            label={t('family.remove')}
            question={t('family.removeConfirm', { name: patient.name })}
            onConfirm={onRemove}
            busy={removing}
            testId="family-remove"
          />
        </div>
      )}
    </li>
  );
}
