import { Button } from 'antd-mobile';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftProblems, FormMode } from '../lib/entry-drafts.ts';

export interface SectionFormProps<E> {
  entry?: E;
  mode: FormMode;
  /** Field messages from the server, keyed by field name. */
  serverErrors: Record<string, string>;
  pending: boolean;
  onSubmit: (body: Record<string, unknown>) => void;
  onCancel: () => void;
}

/** The message under a field: the server's first, else what the form found once the person tried to save. */
export function useProblemText(
  problems: DraftProblems,
  serverErrors: Record<string, string>,
  tried: boolean,
) {
  const { t } = useTranslation();
  return (field: string, requiredText?: string): string | undefined => {
    if (serverErrors[field]) return serverErrors[field];
    if (!tried) return undefined;
    const problem = problems[field];
    if (problem === 'required') return requiredText ?? t('errors.required');
    if (problem === 'invalid') return t('fieldErrors.invalid');
    return undefined;
  };
}

interface EntryFormShellProps {
  title: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function EntryFormShell({ title, pending, onSubmit, onCancel, children }: EntryFormShellProps) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
    // Let the messages render, then take the person to the first field that needs them.
    window.setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0);
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={title} data-testid="entry-form">
      {children}
      <p className="muted">{t('reading.selfReported')}</p>
      <div className="actions">
        <Button type="submit" color="primary" loading={pending} data-testid="entry-save">
          {t('common.save')}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
