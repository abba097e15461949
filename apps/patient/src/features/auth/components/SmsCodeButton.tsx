import { Button } from 'antd-mobile';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth.api.ts';
import { useCountdown } from '../hooks/useCountdown.ts';

interface SmsCodeButtonProps {
  phone: string;
  onSent: () => void;
  onError: (error: unknown) => void;
  testId?: string;
}

/** Sends a 6-digit code to the phone, then waits 60 s before it can send another. */
export function SmsCodeButton({ phone, onSent, onError, testId }: SmsCodeButtonProps) {
  const { t } = useTranslation();
  const countdown = useCountdown(60);
  const send = useMutation({
    mutationFn: () => authApi.sendSmsCode(phone.trim()),
    onSuccess: () => {
      countdown.start();
      onSent();
    },
    onError,
  });
  const waiting = countdown.left > 0;
  return (
    <Button
      type="button"
      color="primary"
      fill="outline"
      disabled={waiting || phone.trim() === ''}
      loading={send.isPending}
      onClick={() => send.mutate()}
      data-testid={testId}
    >
      {waiting ? t('auth.resendIn', { seconds: countdown.left }) : t('auth.sendCode')}
    </Button>
  );
}
