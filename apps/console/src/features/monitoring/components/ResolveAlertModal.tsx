import type { AlertDetail, AlertResolutionAction } from '@careloop/contracts';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertAction } from '../hooks/use-alerts';
import { actionProblem } from '../lib/alert-problems';
import { RESOLUTION_ACTIONS } from '../lib/options';

interface Values {
  action: AlertResolutionAction;
  note: string;
}

/** Actions whose note the server sends to the patient as a message. */
const TELLS_PATIENT: ReadonlySet<AlertResolutionAction> = new Set(['message-patient', 'book-visit']);

/**
 * Closes an alert with what was done about it and a note; the note goes into the alert's history and, for a
 * message or a visit request, to the patient.
 */
export function ResolveAlertModal({ alert, onClose }: { alert: AlertDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = useAlertAction();
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = Form.useWatch('action', form);
  const toPatient = chosen !== undefined && TELLS_PATIENT.has(chosen);

  async function submit(values: Values) {
    setProblem(null);
    try {
      await action.mutateAsync({ kind: 'resolve', alert, note: values.note.trim(), action: values.action });
      void message.success(t('alerts.resolved'));
      onClose();
    } catch (error) {
      const result = actionProblem(error, t);
      if (result.conflict) {
        void message.warning(result.text);
        onClose();
        return;
      }
      setProblem(result.text);
    }
  }

  return (
    <Modal
      open
      title={t('alerts.resolveTitle')}
      okText={t('alerts.resolve')}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'alert-resolve-submit' }}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{alert.patientName}</Typography.Text> · {alert.message}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<Values> form={form} name="resolve-alert" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('alerts.resolutionAction')}
          name="action"
          rules={[{ required: true, message: t('alerts.resolutionActionRequired') }]}
        >
          <Radio.Group className="resolve-actions" data-testid="alert-resolve-action">
            {RESOLUTION_ACTIONS.map((value) => (
              <Radio key={value} value={value}>
                {t(`monitoring.resolutionActions.${value}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('alerts.resolutionNote')}
          name="note"
          extra={toPatient ? t('alerts.resolutionNoteToPatient') : t('alerts.resolutionNoteHelp')}
          rules={[
            { required: true, whitespace: true, message: t('alerts.resolutionNoteRequired') },
            { max: 2000, message: t('alerts.resolutionNoteTooLong') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="alert-resolve-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
