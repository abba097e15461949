import type { FollowUpOutcome, FollowUpTask } from '@careloop/contracts';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useTaskAction } from '../hooks/use-worklist';
import { OUTCOMES, noteRequired } from '../lib/outcomes';

interface Values {
  outcome: FollowUpOutcome;
  note?: string;
}

/** Closes a task with its outcome and a note (required for outcomes that need an explanation). */
export function CompleteTaskModal({ task, onClose }: { task: FollowUpTask; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const action = useTaskAction();
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(values: Values) {
    setProblem(null);
    try {
      await action.mutateAsync({
        kind: 'complete',
        task,
        outcome: values.outcome,
        note: values.note?.trim() ?? '',
      });
      void message.success(t('followUp.completed'));
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
      title={t('followUp.completeTitle')}
      okText={t('followUp.complete')}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'complete-submit' }}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{task.patient.name}</Typography.Text> · {task.title}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<Values>
        form={form}
        name="complete-task"
        layout="vertical"
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('followUp.outcome')}
          name="outcome"
          rules={[{ required: true, message: t('followUp.outcomeRequired') }]}
        >
          <Select<FollowUpOutcome>
            data-testid="complete-outcome"
            options={OUTCOMES.map((o) => ({ value: o, label: t(`followUp.outcomes.${o}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('followUp.outcomeNote')}
          name="note"
          extra={noteRequired(outcome) ? t('followUp.noteRequiredHelp') : t('followUp.noteHelp')}
          rules={[
            { required: noteRequired(outcome), whitespace: true, message: t('followUp.noteRequired') },
            { max: 1000, message: t('followUp.noteTooLong') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="complete-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
