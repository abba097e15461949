import type { SavedCheckupItemMapping } from '@careloop/contracts';
import { Alert, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import '../checkups.css';
import { MappingModal, type MappingTarget } from './MappingModal';
import { MappingsCard } from './MappingsCard';
import { UnmappedItemsCard } from './UnmappedItemsCard';

/** Unmapped checkup items to review, and the mapping table that codes them. */
export function CheckupMappingsPage() {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState<MappingTarget | null>(null);
  const [lastSaved, setLastSaved] = useState<SavedCheckupItemMapping | null>(null);

  return (
    <>
      <PageTitle>{t('checkupMappings.title')}</PageTitle>
      <div role="status" aria-live="polite">
        {lastSaved ? (
          <Alert
            type="success"
            showIcon
            closable={{ 'aria-label': t('common.close'), onClose: () => setLastSaved(null) }}
            className="checkup-mappings__saved"
            data-testid="mapping-saved"
            title={t('checkupMappings.savedTitle', {
              name: lastSaved.mapping.localName,
              analyte:
                i18n.language === 'en-US' ? lastSaved.mapping.analyteNameEn : lastSaved.mapping.analyteNameZh,
              code: lastSaved.mapping.loinc,
            })}
            description={t('checkupMappings.recoded', { count: lastSaved.recoded })}
          />
        ) : null}
      </div>
      <Space orientation="vertical" size={16} className="full-width">
        <UnmappedItemsCard onMap={setTarget} />
        <MappingsCard onEdit={setTarget} />
      </Space>
      {target ? (
        <MappingModal target={target} onClose={() => setTarget(null)} onSaved={setLastSaved} />
      ) : null}
    </>
  );
}
