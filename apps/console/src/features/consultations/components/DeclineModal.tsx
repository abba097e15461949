import type { Consultation } from '@careloop/contracts';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { useDeclineConsultation } from '../hooks/use-consultations';

/** Declining needs a reason: the patient reads it. */
export function DeclineModal({ consultation, onClose }: { consultation: Consultation; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDeclineConsultation();

  async function submit({ reason }: { reason: string }) {
    try {
      await decline.mutateAsync({ id: consultation.id, reason: reason.trim() });
      void message.success(t('consult.decline.done'));
      onClose();
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  return (
    <Modal
      open
      title={t('consult.decline.title', { name: consultation.patient.name })}
      okText={t('consult.decline.submit')}
      okButtonProps={
        { danger: true, loading: decline.isPending, 'data-testid': 'consult-decline-submit' } as ButtonProps
      }
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('consult.decline.reason')}
          rules={[{ required: true, whitespace: true, message: t('consult.decline.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="consult-decline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
