import type { AlertDetail, StaffRole } from '@careloop/contracts';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { useStaffList } from '../../admin/hooks/use-admin';
import { useAlertAction } from '../hooks/use-alerts';
import { actionProblem } from '../lib/alert-problems';

/** The staff who triage alerts (as in the follow-up worklist's picker). */
const ALERT_STAFF: readonly StaffRole[] = ['doctor', 'nurse', 'health_manager'];

/** Hands an alert to a colleague, who is then the one escalation waits on. */
export function AssignAlertModal({ alert, onClose }: { alert: AlertDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ accountId: string }>();
  const staff = useStaffList();
  const action = useAlertAction();
  const [problem, setProblem] = useState<string | null>(null);
  const options = (staff.data ?? [])
    .filter((s) => s.active && s.roles.some((r) => ALERT_STAFF.includes(r)))
    .map((s) => ({ value: s.id, label: `${s.name} (${s.roles.map((r) => t(`roles.${r}`)).join(', ')})` }));

  async function submit(values: { accountId: string }) {
    setProblem(null);
    try {
      await action.mutateAsync({ kind: 'assign', alert, accountId: values.accountId });
      void message.success(t('alerts.assigned'));
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
      title={t('alerts.assignTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{alert.patientName}</Typography.Text> · {alert.message}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<{ accountId: string }>
        form={form}
        name="assign-alert"
        layout="vertical"
        initialValues={{ accountId: alert.assignedTo?.id }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('alerts.assignTo')}
          name="accountId"
          rules={[{ required: true, message: t('alerts.assigneeRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={staff.isPending}
            notFoundContent={staff.isError ? problemText(staff.error, t) : undefined}
            data-testid="alert-assignee"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
