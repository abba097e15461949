import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { authApi } from '../api/auth.api.ts';
import { AuthLayout } from './AuthLayout.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const request = useMutation({ mutationFn: () => authApi.requestPasswordReset(identifier.trim()) });
  const confirm = useMutation({
    mutationFn: () =>
      authApi.confirmPasswordReset({ identifier: identifier.trim(), code: code.trim(), newPassword }),
  });
  const errors = localizedFieldErrors(confirm.error);

  function sendCode(event: FormEvent) {
    event.preventDefault();
    request.mutate();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword === repeat) confirm.mutate();
  }

  if (confirm.isSuccess) {
    return (
      <AuthLayout title={t('reset.title')}>
        <Notice tone="success">{t('reset.done')}</Notice>
        <Link className="button-link" to="/login">
          {t('reset.backToLogin')}
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('reset.title')}>
      {!request.isSuccess ? (
        <form onSubmit={sendCode} noValidate>
          <p style={{ marginBottom: 12 }}>{t('reset.intro')}</p>
          <ErrorNotice error={request.error} />
          <TextField
            label={t('reset.identifier')}
            value={identifier}
            onChange={setIdentifier}
            autoComplete="username"
            testId="reset-identifier"
          />
          <Button type="submit" color="primary" block loading={request.isPending} data-testid="reset-send">
            {t('reset.sendCode')}
          </Button>
        </form>
      ) : (
        <form onSubmit={submit} noValidate>
          <Notice tone="info">{t('reset.codeSent')}</Notice>
          <ErrorNotice error={confirm.error} />
          <TextField
            label={t('reset.code')}
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            error={errors.code}
            testId="reset-code"
          />
          <TextField
            label={t('reset.newPassword')}
            value={newPassword}
            onChange={setNewPassword}
            type="password"
            autoComplete="new-password"
            hint={t('register.passwordHint')}
            error={errors.newPassword}
            testId="reset-new-password"
          />
          <TextField
            label={t('reset.confirmPassword')}
            value={repeat}
            onChange={setRepeat}
            type="password"
            autoComplete="new-password"
            error={mismatch ? t('errors.passwordMismatch') : undefined}
            testId="reset-repeat-password"
          />
          <Button type="submit" color="primary" block loading={confirm.isPending} data-testid="reset-submit">
            {t('reset.submit')}
          </Button>
        </form>
      )}
      <p style={{ marginTop: 16 }}>
        <Link className="text-link" to="/login">
          {t('reset.backToLogin')}
        </Link>
      </p>
    </AuthLayout>
  );
}
