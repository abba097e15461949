import type { FollowUpTask } from '@careloop/contracts';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useTaskAction } from '../hooks/use-worklist';

/** Cancels a task that is no longer needed; the reason is required and kept with the task. */
export function CancelTaskModal({ task, onClose }: { task: FollowUpTask; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const action = useTaskAction();
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(values: { note: string }) {
    setProblem(null);
    try {
      await action.mutateAsync({ kind: 'cancel', task, note: values.note.trim() });
      void message.success(t('followUp.cancelled'));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        void message.warning(t('errors.versionConflict'));
        onClose();
        return;
      }
      if (!applyFieldErrors(form, error)) setProblem(problemText(error, t));
    }
  }

  return (
    <Modal
      open
      title={t('followUp.cancelTitle')}
      okText={t('followUp.cancelTask')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.close')}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{task.patient.name}</Typography.Text> · {task.title}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<{ note: string }>
        form={form}
        name="cancel-task"
        layout="vertical"
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('followUp.cancelReason')}
          name="note"
          rules={[
            { required: true, whitespace: true, message: t('followUp.cancelReasonRequired') },
            { max: 1000, message: t('followUp.noteTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
