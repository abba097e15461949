import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../../../components/AuthFrame';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { QueryError } from '../../../components/QueryError';
import { isApiError } from '../../../api/client';
import { problemText } from '../../../lib/problems';
import { authApi } from '../api/auth-api';
import { SignOutButton } from './SignOutButton';

const ENROLMENT_KEY = ['mfa-enrolment'] as const;

/** Staff must turn on TOTP before anything else: scan (or type) the secret, prove it with one code. */
export function MfaEnrolmentStep({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ code: string }>();
  // A query, not an effect: it runs once per sign-in even when React mounts the step twice.
  const enrolment = useQuery({
    queryKey: ENROLMENT_KEY,
    queryFn: authApi.startEnrolment,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const confirm = useMutation({
    mutationFn: (code: string) => authApi.confirmEnrolment(code.trim()),
    onSuccess: ({ recoveryCodes }) => {
      queryClient.removeQueries({ queryKey: ENROLMENT_KEY });
      onConfirmed(recoveryCodes);
    },
    onError: (error) => {
      if (isApiError(error, 'INVALID_CODE', 'VALIDATION_FAILED')) {
        form.setFields([{ name: 'code', errors: [problemText(error, t)] }]);
      }
    },
  });

  if (enrolment.isPending) return <FullPageSpin />;
  return (
    <AuthFrame title={t('mfa.enrolTitle')}>
      {enrolment.error ? (
        <QueryError error={enrolment.error} onRetry={() => void enrolment.refetch()} />
      ) : null}
      {enrolment.data ? (
        <>
          <Typography.Paragraph>{t('mfa.enrolIntro')}</Typography.Paragraph>
          <div className="mfa-qr">
            <img src={enrolment.data.qrDataUrl} alt={t('mfa.qrAlt')} width={200} height={200} />
          </div>
          <Typography.Paragraph>{t('mfa.manualEntry')}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: enrolment.data.secret }} className="mfa-secret">
            <code data-testid="mfa-secret">{enrolment.data.secret}</code>
          </Typography.Paragraph>
          {confirm.error && !isApiError(confirm.error, 'INVALID_CODE', 'VALIDATION_FAILED') ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problemText(confirm.error, t)}
              className="form-alert"
            />
          ) : null}
          <Form form={form} name="mfa-enrol" layout="vertical" onFinish={({ code }) => confirm.mutate(code)}>
            <Form.Item
              label={t('mfa.code')}
              name="code"
              extra={t('mfa.codeHelp')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.codeInvalid') }]}
            >
              <Input
                data-testid="mfa-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                className="mfa-code"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={confirm.isPending}
              data-testid="mfa-submit"
            >
              {t('mfa.confirm')}
            </Button>
          </Form>
        </>
      ) : null}
      <div className="auth-frame__footer">
        <SignOutButton type="link" label={t('auth.otherAccount')} />
      </div>
    </AuthFrame>
  );
}
