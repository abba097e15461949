import type { ProxyScope } from '@careloop/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { proxyApi } from '../api/proxy.api.ts';

const allScopes: ProxyScope[] = ['view', 'book', 'consult', 'message'];

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The end of the chosen day in the person's own time zone, as an ISO instant. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

export function GrantForm({ patientId, onCreated }: { patientId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [grantee, setGrantee] = useState('');
  const [scopes, setScopes] = useState<ProxyScope[]>(['view']);
  const [expiry, setExpiry] = useState(() => inDays(365));
  const [missing, setMissing] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      proxyApi.create(patientId, { grantee: grantee.trim(), scopes, expiresAt: endOfDay(expiry) }),
    onSuccess: () => {
      setGrantee('');
      onCreated();
    },
  });
  const errors = localizedFieldErrors(create.error);

  function toggle(scope: ProxyScope, on: boolean) {
    setScopes((current) =>
      on ? allScopes.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope),
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const incomplete = grantee.trim() === '' || scopes.length === 0 || expiry === '';
    setMissing(incomplete);
    if (!incomplete) create.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="grant-form-title" data-testid="proxy-form">
      <h3 id="grant-form-title" style={{ marginBottom: 8 }}>
        {t('proxy.create')}
      </h3>
      <ErrorNotice error={create.error} />
      <TextField
        label={t('proxy.grantee')}
        value={grantee}
        onChange={setGrantee}
        autoComplete="off"
        error={errors.grantee ?? (missing && grantee.trim() === '' ? t('errors.required') : undefined)}
        testId="proxy-grantee"
      />
      <fieldset
        className="choice-group"
        aria-describedby={missing && scopes.length === 0 ? 'scope-error' : undefined}
      >
        <legend>{t('proxy.scopes')}</legend>
        {allScopes.map((scope) => (
          <label key={scope} className="choice" data-testid={`proxy-scope-${scope}`}>
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            <span>{t(`scope.${scope}`)}</span>
          </label>
        ))}
      </fieldset>
      {(errors.scopes ?? (missing && scopes.length === 0)) && (
        <p className="field-error" id="scope-error" role="alert" style={{ marginTop: -8, marginBottom: 12 }}>
          {errors.scopes ?? t('proxy.pickScope')}
        </p>
      )}
      <TextField
        label={t('proxy.expiresAt')}
        type="date"
        value={expiry}
        onChange={setExpiry}
        min={inDays(1)}
        error={errors.expiresAt}
        testId="proxy-expiry"
      />
      <Button type="submit" color="primary" block loading={create.isPending} data-testid="proxy-submit">
        {t('proxy.submit')}
      </Button>
    </form>
  );
}
