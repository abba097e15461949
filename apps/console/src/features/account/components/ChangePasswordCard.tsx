import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { STRONG_PASSWORD } from '../../../lib/passwords';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useChangePassword } from '../hooks/use-security';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  async function submit(values: Values) {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('security.passwordChanged'));
      form.resetFields();
    } catch (error) {
      if (!applyFieldErrors(form, error)) void message.error(problemText(error, t));
    }
  }

  return (
    <Card title={<h2 className="card-heading">{t('security.passwordTitle')}</h2>}>
      <Form<Values> form={form} name="change-password" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('security.currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('security.newPassword')}
          name="newPassword"
          extra={t('accept.passwordHelp')}
          rules={[{ required: true, pattern: STRONG_PASSWORD, message: t('accept.passwordWeak') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('security.confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('accept.mismatch') },
            ({ getFieldValue }) => ({
              validator: async (_, value: unknown) => {
                if (value !== getFieldValue('newPassword')) throw new Error(t('accept.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
