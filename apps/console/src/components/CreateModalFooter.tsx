import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The footer of a modal that creates something and then shows a one-time result (a token, an invitation link):
 * cancel and submit while filling in, a single close button once it is done.
 */
export function CreateModalFooter({
  done,
  pending,
  submitLabel,
  onSubmit,
  onClose,
}: {
  done: boolean;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (done) {
    return (
      <Button type="primary" onClick={onClose}>
        {t('common.close')}
      </Button>
    );
  }
  return (
    <>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={pending} onClick={onSubmit}>
        {submitLabel}
      </Button>
    </>
  );
}
