import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../../../components/AuthFrame';
import { problemText } from '../../../lib/problems';
import { authApi } from '../api/auth-api';
import { useSetMe } from '../hooks/use-me';

interface Credentials {
  identifier: string;
  password: string;
}

export function LoginForm({ loadError }: { loadError?: unknown }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const login = useMutation({
    mutationFn: ({ identifier, password }: Credentials) => authApi.login(identifier.trim(), password),
    onSuccess: setMe,
  });

  return (
    <AuthFrame title={t('auth.heading')}>
      <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
      {loadError && !login.error ? (
        <Alert type="error" showIcon role="alert" title={problemText(loadError, t)} className="form-alert" />
      ) : null}
      {login.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemText(login.error, t)}
          className="form-alert"
        />
      ) : null}
      <Form<Credentials>
        name="login"
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => login.mutate(v)}
      >
        <Form.Item
          label={t('auth.identifier')}
          name="identifier"
          rules={[{ required: true, whitespace: true, message: t('auth.identifierRequired') }]}
        >
          <Input data-testid="login-identifier" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('auth.password')}
          name="password"
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password data-testid="login-password" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
