import type { Me } from '@careloop/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/Field.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { authApi } from '../api/auth.api.ts';
import { SmsCodeButton } from './SmsCodeButton.tsx';

export function SmsLoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const login = useMutation({
    mutationFn: () => authApi.smsLogin(phone.trim(), code.trim()),
    onSuccess: onSignedIn,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const incomplete = phone.trim() === '' || code.trim() === '';
    setMissing(incomplete);
    if (!incomplete) login.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={sendError ?? login.error} />
      {sent && !sendError && <Notice tone="info">{t('auth.codeSent')}</Notice>}
      <TextField
        label={t('auth.phone')}
        value={phone}
        onChange={setPhone}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        error={missing && phone.trim() === '' ? t('errors.required') : undefined}
        testId="sms-phone"
      />
      <div className="inline-row">
        <TextField
          label={t('auth.code')}
          value={code}
          onChange={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          error={missing && code.trim() === '' ? t('errors.required') : undefined}
          testId="sms-code"
        />
        <div className="field">
          <SmsCodeButton
            phone={phone}
            onSent={() => {
              setSendError(null);
              setSent(true);
            }}
            onError={setSendError}
            testId="sms-send"
          />
        </div>
      </div>
      <Button type="submit" color="primary" block loading={login.isPending} data-testid="sms-submit">
        {t('auth.submit')}
      </Button>
    </form>
  );
}
