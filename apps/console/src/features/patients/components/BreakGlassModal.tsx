import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { useBreakGlass } from '../hooks/use-patients';

const MIN_REASON = 10;

/** Break-glass needs a written reason: it goes into the audit log and to the org admins. */
export function BreakGlassModal({
  patientId,
  open,
  onClose,
}: {
  patientId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const breakGlass = useBreakGlass(patientId);

  async function submit({ reason }: { reason: string }) {
    try {
      await breakGlass.mutateAsync(reason.trim());
      void message.warning(t('accessDenied.granted'));
      onClose();
    } catch {
      // Shown in the modal below.
    }
  }

  return (
    <Modal open={open} title={t('accessDenied.modalTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      {breakGlass.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemText(breakGlass.error, t)}
          className="form-alert"
        />
      ) : null}
      <Form form={form} name="break-glass" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          label={t('accessDenied.reason')}
          name="reason"
          extra={t('accessDenied.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('accessDenied.reasonTooShort') },
            {
              validator: async (_, value: unknown) => {
                if (
                  typeof value === 'string' &&
                  value.trim().length > 0 &&
                  value.trim().length < MIN_REASON
                ) {
                  throw new Error(t('accessDenied.reasonTooShort'));
                }
              },
            },
          ]}
        >
          <Input.TextArea data-testid="break-glass-reason" rows={4} maxLength={500} showCount />
        </Form.Item>
        <Space className="modal-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            danger
            type="primary"
            htmlType="submit"
            loading={breakGlass.isPending}
            data-testid="break-glass-submit"
          >
            {t('accessDenied.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
