import type { AccessiblePatient } from '@careloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useRecordPatient } from '../hooks/useRecordPatient.ts';
import '../records.css';

export interface RecordContext {
  patientId: string;
  acting: AccessiblePatient;
  canEdit: boolean;
}

interface RecordFrameProps {
  title: string;
  backTo?: string;
  extra?: ReactNode;
  /** Shown above the body whatever the state (e.g. the profile switcher). */
  top?: ReactNode;
  children: (record: RecordContext) => ReactNode;
}

/** A record page: its header, then the body for the selected profile once it is known and may be read. */
export function RecordFrame({ title, backTo, extra, top, children }: RecordFrameProps) {
  const { t } = useTranslation();
  const { patientId, acting, canEdit, isLoading, error } = useRecordPatient();

  function body() {
    if (isLoading) return <Loading />;
    if (error) return <ErrorNotice error={error} />;
    if (!acting) return <EmptyState title={t('records.noProfile')} />;
    if (!patientId) return <Notice tone="info">{t('records.noViewScope')}</Notice>;
    return children({ patientId, acting, canEdit });
  }

  return (
    <div className="page stack">
      <PageHeader title={title} backTo={backTo} extra={extra} />
      {top}
      {body()}
    </div>
  );
}

/** The actor line under a page title when the app acts for a family member, so nobody records for the wrong person. */
export function ActingFor({ acting }: { acting: AccessiblePatient }) {
  const { t } = useTranslation();
  if (acting.relationship === 'self') return null;
  return (
    <p className="muted" data-testid="record-acting-for">
      {t('home.actingFor', {
        name: acting.patient.name,
        relationship: t(`relationship.${acting.relationship}`),
      })}
    </p>
  );
}
