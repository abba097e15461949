import type { Me } from '@careloop/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { authApi } from '../api/auth.api.ts';
import { useAcceptMe } from '../hooks/useMe.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { SmsCodeButton } from './SmsCodeButton.tsx';

export function RegisterPage() {
  const { t } = useTranslation();
  const acceptMe = useAcceptMe();
  const navigate = useNavigate();
  const [form, setForm] = useState({ phone: '', code: '', name: '', password: '' });
  const [sent, setSent] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const register = useMutation({
    mutationFn: () => authApi.register({ ...form, phone: form.phone.trim(), name: form.name.trim() }),
    onSuccess: (me: Me) => {
      acceptMe(me);
      void navigate('/home', { replace: true });
    },
  });
  const errors = localizedFieldErrors(register.error);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate();
  }

  return (
    <AuthLayout title={t('register.title')}>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={sendError ?? register.error} />
        {sent && !sendError && <Notice tone="info">{t('auth.codeSent')}</Notice>}
        <TextField
          label={t('auth.phone')}
          value={form.phone}
          onChange={set('phone')}
          type="tel"
          autoComplete="tel"
          error={errors.phone}
          testId="register-phone"
        />
        <div className="inline-row">
          <TextField
            label={t('auth.code')}
            value={form.code}
            onChange={set('code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            error={errors.code}
            testId="register-code"
          />
          <div className="field">
            <SmsCodeButton
              phone={form.phone}
              onSent={() => {
                setSendError(null);
                setSent(true);
              }}
              onError={setSendError}
              testId="register-send-code"
            />
          </div>
        </div>
        <TextField
          label={t('register.name')}
          value={form.name}
          onChange={set('name')}
          autoComplete="name"
          error={errors.name}
          testId="register-name"
        />
        <TextField
          label={t('register.password')}
          value={form.password}
          onChange={set('password')}
          type="password"
          autoComplete="new-password"
          hint={t('register.passwordHint')}
          error={errors.password}
          testId="register-password"
        />
        <Button
          type="submit"
          color="primary"
          block
          loading={register.isPending}
          data-testid="register-submit"
        >
          {t('register.submit')}
        </Button>
      </form>
      <p style={{ marginTop: 16 }}>
        {t('register.haveAccount')}{' '}
        <Link className="text-link" to="/login">
          {t('register.login')}
        </Link>
      </p>
    </AuthLayout>
  );
}
