import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';

type Tone = 'error' | 'success' | 'info';
const icons: Record<Tone, string> = { error: '!', success: '✓', info: 'i' };

export function Notice({ tone, children }: { tone: Tone; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // A message that appears above a long form must not stay out of sight.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <div ref={ref} className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="notice-icon" aria-hidden="true">
        {icons[tone]}
      </span>
      <div>{children}</div>
    </div>
  );
}

/** Shows an API error by its localized title and detail; anything else gets the generic message. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  if (error instanceof ApiError) {
    return (
      <Notice tone="error">
        <strong>{error.title}</strong>
        {error.detail && error.detail !== error.title && <p>{error.detail}</p>}
      </Notice>
    );
  }
  return <Notice tone="error">{t('errors.generic')}</Notice>;
}

export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? (error.detail ?? error.title) : fallback;
}
