import type { Staff, StaffRole } from '@careloop/contracts';
import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useUpdateStaff } from '../hooks/use-admin';
import { StaffAssignmentFields } from './StaffAssignmentFields';

interface Values {
  roles: StaffRole[];
  departmentId: string | null;
  title: string;
  active: boolean;
}

export function EditStaffModal({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateStaff();

  async function submit(values: Values) {
    try {
      await update.mutateAsync({
        id: staff.id,
        update: {
          roles: values.roles,
          departmentId: values.departmentId ?? null,
          title: values.title.trim() || null,
          active: values.active,
        },
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  return (
    <Modal
      open
      title={t('staff.editTitle', { name: staff.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {update.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemText(update.error, t)}
          className="form-alert"
        />
      ) : null}
      <Form<Values>
        form={form}
        name="edit-staff"
        layout="vertical"
        initialValues={{
          roles: staff.roles,
          departmentId: staff.departmentId,
          title: staff.title ?? '',
          active: staff.active,
        }}
        onFinish={(values) => void submit(values)}
      >
        <StaffAssignmentFields rolesLabel={t('staff.roles')} departmentLabelText={t('staff.department')} />
        <Form.Item label={t('staff.jobTitle')} name="title">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('staff.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
