import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../../../components/AuthFrame';
import { isApiError } from '../../../api/client';
import { problemText } from '../../../lib/problems';
import { authApi } from '../api/auth-api';
import { useSetMe } from '../hooks/use-me';
import { SignOutButton } from './SignOutButton';

// A TOTP code or one recovery code (abcde-12345), as the server accepts them.
const CODE_PATTERN = /^\s*(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})\s*$/i;

export function MfaVerifyStep() {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const [form] = Form.useForm<{ code: string }>();
  const verify = useMutation({
    mutationFn: (code: string) => authApi.verifyMfa(code.trim()),
    onSuccess: setMe,
    onError: (error) => {
      if (isApiError(error, 'INVALID_CODE', 'VALIDATION_FAILED')) {
        form.setFields([{ name: 'code', errors: [problemText(error, t)] }]);
      }
    },
  });

  return (
    <AuthFrame title={t('mfa.verifyTitle')}>
      <Typography.Paragraph>{t('mfa.verifyIntro')}</Typography.Paragraph>
      {verify.error && !isApiError(verify.error, 'INVALID_CODE', 'VALIDATION_FAILED') ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemText(verify.error, t)}
          className="form-alert"
        />
      ) : null}
      <Form form={form} name="mfa-verify" layout="vertical" onFinish={({ code }) => verify.mutate(code)}>
        <Form.Item
          label={t('mfa.verifyCode')}
          name="code"
          rules={[{ required: true, pattern: CODE_PATTERN, message: t('mfa.verifyInvalid') }]}
        >
          <Input
            data-testid="mfa-code"
            autoComplete="one-time-code"
            maxLength={11}
            autoFocus
            className="mfa-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="mfa-submit">
          {t('mfa.verify')}
        </Button>
      </Form>
      <div className="auth-frame__footer">
        <SignOutButton type="link" label={t('auth.otherAccount')} />
      </div>
    </AuthFrame>
  );
}
