import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuthFrame } from '../../../components/AuthFrame';
import { STRONG_PASSWORD } from '../../../lib/passwords';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { invitationsApi } from '../api/invitations-api';

interface Values {
  password: string;
  confirm: string;
  phone?: string;
}

/** A new staff member opens the emailed link, chooses a password, then signs in (and sets up MFA there). */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const accept = useMutation({
    mutationFn: (values: Values) =>
      invitationsApi.accept({ token, password: values.password, phone: values.phone?.trim() || undefined }),
    onSuccess: async () => {
      void message.success(t('accept.done'));
      await navigate('/login', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <AuthFrame title={t('accept.title')}>
      {token.length < 20 ? (
        <Alert type="error" showIcon role="alert" title={t('accept.missingToken')} />
      ) : (
        <>
          <Typography.Paragraph>{t('accept.intro')}</Typography.Paragraph>
          {accept.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problemText(accept.error, t)}
              className="form-alert"
            />
          ) : null}
          <Form<Values>
            form={form}
            name="accept"
            layout="vertical"
            onFinish={(values) => accept.mutate(values)}
          >
            <Form.Item
              label={t('accept.password')}
              name="password"
              extra={t('accept.passwordHelp')}
              rules={[{ required: true, pattern: STRONG_PASSWORD, message: t('accept.passwordWeak') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t('accept.confirm')}
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: t('accept.mismatch') },
                ({ getFieldValue }) => ({
                  validator: async (_, value: unknown) => {
                    if (value !== getFieldValue('password')) throw new Error(t('accept.mismatch'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label={t('accept.phone')} name="phone">
              <Input type="tel" autoComplete="tel" maxLength={16} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={accept.isPending}>
              {t('accept.submit')}
            </Button>
          </Form>
        </>
      )}
    </AuthFrame>
  );
}
