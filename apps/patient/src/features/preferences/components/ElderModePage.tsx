import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ElderModeCard } from './ElderModeCard.tsx';

export function ElderModePage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('elder.title')} backTo="/me" />
      <ElderModeCard testId="elder-switch-settings" />
    </div>
  );
}
