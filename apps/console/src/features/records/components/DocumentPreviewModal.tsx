import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** An image document shown in place (its blob URL, made from bytes fetched with the session). */
export function DocumentPreviewModal({
  title,
  url,
  onClose,
}: {
  title: string;
  url: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={`${t('record.documents.preview')} · ${title}`}
      footer={null}
      onCancel={onClose}
      width={880}
      destroyOnHidden
    >
      <img src={url} alt={title} className="document-preview" data-testid="document-preview" />
    </Modal>
  );
}
