import type { Me } from '@careloop/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/Field.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { authApi } from '../api/auth.api.ts';

export function PasswordLoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const login = useMutation({
    mutationFn: () => authApi.login(identifier.trim(), password),
    onSuccess: onSignedIn,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(identifier.trim() === '' || password === '');
    if (identifier.trim() !== '' && password !== '') login.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={login.error} />
      <TextField
        label={t('auth.identifier')}
        value={identifier}
        onChange={setIdentifier}
        autoComplete="username"
        inputMode="email"
        error={missing && identifier.trim() === '' ? t('errors.required') : undefined}
        testId="login-identifier"
      />
      <TextField
        label={t('auth.password')}
        value={password}
        onChange={setPassword}
        type="password"
        autoComplete="current-password"
        error={missing && password === '' ? t('errors.required') : undefined}
        testId="login-password"
      />
      <Button type="submit" color="primary" block loading={login.isPending} data-testid="login-submit">
        {t('auth.submit')}
      </Button>
    </form>
  );
}
