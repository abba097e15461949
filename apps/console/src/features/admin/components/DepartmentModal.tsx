import type { Department } from '@careloop/contracts';
import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import type { DepartmentInput } from '../api/admin-api';
import { useSaveDepartment } from '../hooks/use-admin';

/** Creates a department (department null) or edits one; both names are required, zh and en. */
export function DepartmentModal({
  department,
  onClose,
}: {
  department: Department | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentInput>();
  const save = useSaveDepartment();
  const required = { required: true, whitespace: true, message: t('patientForm.required') };

  async function submit(values: DepartmentInput) {
    try {
      await save.mutateAsync({
        id: department?.id ?? null,
        input: {
          ...values,
          code: values.code.trim(),
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
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
      title={department ? t('departments.editTitle') : t('departments.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {save.error ? (
        <Alert type="error" showIcon role="alert" title={problemText(save.error, t)} className="form-alert" />
      ) : null}
      <Form<DepartmentInput>
        form={form}
        name="department"
        layout="vertical"
        initialValues={department ?? { code: '', nameZh: '', nameEn: '', active: true }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('departments.code')}
          name="code"
          extra={t('departments.codeHelp')}
          rules={[required, { pattern: /^\s*[a-z0-9-]{2,40}\s*$/, message: t('departments.codeInvalid') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('departments.nameZh')} name="nameZh" rules={[required]}>
          <Input maxLength={60} lang="zh-CN" />
        </Form.Item>
        <Form.Item label={t('departments.nameEn')} name="nameEn" rules={[required]}>
          <Input maxLength={80} lang="en" />
        </Form.Item>
        <Form.Item label={t('departments.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
