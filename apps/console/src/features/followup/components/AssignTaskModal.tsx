import type { FollowUpTask, StaffRole } from '@careloop/contracts';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { problemText } from '../../../lib/problems';
import { useStaffList } from '../../admin/hooks/use-admin';
import { useTaskAction } from '../hooks/use-worklist';

/** The staff who do follow-up work. */
const FOLLOW_UP_STAFF: readonly StaffRole[] = ['health_manager', 'nurse', 'doctor'];
const UNASSIGNED = '';

/** Hands a task to another colleague, or back to the shared pool. */
export function AssignTaskModal({ task, onClose }: { task: FollowUpTask; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeId: string }>();
  const staff = useStaffList();
  const action = useTaskAction();
  const [problem, setProblem] = useState<string | null>(null);
  const options = [
    { value: UNASSIGNED, label: t('followUp.unassigned') },
    ...(staff.data ?? [])
      .filter((s) => s.active && s.roles.some((r) => FOLLOW_UP_STAFF.includes(r)))
      .map((s) => ({ value: s.id, label: `${s.name} (${s.roles.map((r) => t(`roles.${r}`)).join(', ')})` })),
  ];

  async function submit(values: { assigneeId: string }) {
    setProblem(null);
    const assigneeId = values.assigneeId === UNASSIGNED ? null : values.assigneeId;
    try {
      await action.mutateAsync({ kind: 'assign', task, assigneeId });
      void message.success(t('followUp.assigned'));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        void message.warning(t('errors.versionConflict'));
        onClose();
        return;
      }
      setProblem(problemText(error, t));
    }
  }

  return (
    <Modal
      open
      title={t('followUp.reassignTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{task.patient.name}</Typography.Text> · {task.title}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<{ assigneeId: string }>
        form={form}
        name="assign-task"
        layout="vertical"
        initialValues={{ assigneeId: task.assignee?.id ?? UNASSIGNED }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('followUp.assignee')} name="assigneeId">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={staff.isPending}
            notFoundContent={staff.isError ? problemText(staff.error, t) : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
