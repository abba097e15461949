import type { Me } from '@careloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAcceptMe } from '../hooks/useMe.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PasswordLoginForm } from './PasswordLoginForm.tsx';
import { SmsLoginForm } from './SmsLoginForm.tsx';

type Method = 'password' | 'sms';

export function LoginPage() {
  const { t } = useTranslation();
  const acceptMe = useAcceptMe();
  const navigate = useNavigate();
  const [method, setMethod] = useState<Method>('password');
  const methods: { key: Method; label: string }[] = [
    { key: 'password', label: t('auth.tabPassword') },
    { key: 'sms', label: t('auth.tabSms') },
  ];

  // Staff accounts (MFA not 'ok') land on the staff notice behind /home, which points them to the console.
  function onSignedIn(me: Me) {
    acceptMe(me);
    void navigate('/home', { replace: true });
  }

  return (
    <AuthLayout title={t('auth.title')}>
      <div className="segmented" role="tablist" aria-label={t('auth.tabsLabel')}>
        {methods.map((m) => (
          <button
            key={m.key}
            type="button"
            role="tab"
            id={`login-tab-${m.key}`}
            aria-selected={method === m.key}
            aria-controls={`login-panel-${m.key}`}
            onClick={() => setMethod(m.key)}
            data-testid={`login-tab-${m.key}`}
          >
            {m.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`login-panel-${method}`} aria-labelledby={`login-tab-${method}`}>
        {method === 'password' ? (
          <PasswordLoginForm onSignedIn={onSignedIn} />
        ) : (
          <SmsLoginForm onSignedIn={onSignedIn} />
        )}
      </div>
      <nav aria-label={t('auth.otherOptions')} className="auth-links">
        <span>
          {t('auth.noAccount')}{' '}
          <Link className="text-link" to="/register" data-testid="login-register-link">
            {t('auth.register')}
          </Link>
        </span>
        <Link className="text-link" to="/reset-password" data-testid="login-reset-link">
          {t('auth.forgot')}
        </Link>
      </nav>
    </AuthLayout>
  );
}
