import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { accountApi } from '../api/account.api.ts';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => accountApi.changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  const errors = localizedFieldErrors(change.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(next !== repeat);
    if (next === repeat) change.mutate();
  }

  return (
    <div className="page">
      <PageHeader title={t('password.title')} backTo="/me" />
      <form onSubmit={submit} noValidate className="card">
        {change.isSuccess && <Notice tone="success">{t('password.changed')}</Notice>}
        <ErrorNotice error={change.error} />
        <TextField
          label={t('password.current')}
          type="password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          error={errors.currentPassword}
          testId="password-current"
        />
        <TextField
          label={t('password.new')}
          type="password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          hint={t('password.hint')}
          error={errors.newPassword}
          testId="password-new"
        />
        <TextField
          label={t('password.confirm')}
          type="password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          error={mismatch ? t('errors.passwordMismatch') : undefined}
          testId="password-repeat"
        />
        <Button type="submit" color="primary" block loading={change.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </form>
    </div>
  );
}
