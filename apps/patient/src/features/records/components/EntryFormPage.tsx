import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { newIdempotencyKey } from '../api/http.ts';
import { createEntry, updateEntry, type AnyEntry, type EntrySection } from '../api/records.api.ts';
import { recordKeys } from '../hooks/record-keys.ts';
import { useEntries } from '../hooks/useRecordQueries.ts';
import { ConditionForm, FamilyHistoryForm } from './ConditionForm.tsx';
import type { SectionFormProps } from './entry-form-shared.tsx';
import { isEntrySection, PATIENT_ADDABLE } from './EntriesPage.tsx';
import { ActingFor, RecordFrame, type RecordContext } from './RecordFrame.tsx';
import { AllergyForm, MedicationForm, ProcedureForm } from './SimpleEntryForms.tsx';

function SectionForm({ section, ...props }: SectionFormProps<AnyEntry> & { section: EntrySection }) {
  // Each form takes the entry type of its own section; the list it came from was fetched for that section.
  const p = props as SectionFormProps<never>;
  switch (section) {
    case 'conditions':
      return <ConditionForm {...p} />;
    case 'allergies':
      return <AllergyForm {...p} />;
    case 'medications':
      return <MedicationForm {...p} />;
    case 'procedures':
      return <ProcedureForm {...p} />;
    case 'family-history':
      return <FamilyHistoryForm {...p} />;
    case 'encounters':
      return null;
  }
}

function EntryFormBody(props: RecordContext & { section: EntrySection; entryId: string | undefined }) {
  const { patientId, acting, canEdit, section, entryId } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const entries = useEntries(patientId, section);
  const key = useRef(newIdempotencyKey());
  const [conflict, setConflict] = useState(false);
  const entry = entryId ? entries.data?.find((e) => e.id === entryId) : undefined;
  const backToList = () => void navigate(`/records/${section}`);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      entry
        ? updateEntry(patientId, section, entry.id, { ...body, version: entry.version })
        : createEntry(patientId, section, body, key.current),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) });
      void navigate(`/records/${section}`, { replace: true, state: { saved: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        void entries.refetch();
      }
    },
  });
  if (!canEdit || !PATIENT_ADDABLE.includes(section))
    return <Notice tone="info">{t('health.readOnly')}</Notice>;
  if (entryId && entries.isPending) return <Loading />;
  if (entries.error) return <ErrorNotice error={entries.error} />;
  if (entryId && (!entry || entry.source !== 'self'))
    return <Notice tone="error">{t('entries.notFound')}</Notice>;
  const serverErrors = localizedFieldErrors(save.error);
  const hasFieldErrors = Object.keys(serverErrors).length > 0;
  return (
    <>
      <ActingFor acting={acting} />
      {conflict && <Notice tone="error">{t('entries.conflict')}</Notice>}
      {save.error && !hasFieldErrors && !conflict && <ErrorNotice error={save.error} />}
      <SectionForm
        key={entry?.version ?? 'new'}
        section={section}
        entry={entry}
        mode={entry ? 'update' : 'create'}
        serverErrors={serverErrors}
        pending={save.isPending}
        onSubmit={(body) => {
          setConflict(false);
          save.mutate(body);
        }}
        onCancel={backToList}
      />
    </>
  );
}

/** Add or edit one self-reported entry of a section. */
export function EntryFormPage() {
  const { t } = useTranslation();
  const { section, entryId } = useParams();
  if (!isEntrySection(section)) return <Navigate to="/records" replace />;
  const title = entryId
    ? t(`sectionEdit.${section}` as 'sectionEdit.conditions')
    : t(`sectionAdd.${section}` as 'sectionAdd.conditions');
  return (
    <RecordFrame title={title} backTo={`/records/${section}`}>
      {(record) => (
        <EntryFormBody
          key={`${record.patientId}-${section}-${entryId ?? 'new'}`}
          {...record}
          section={section}
          entryId={entryId}
        />
      )}
    </RecordFrame>
  );
}
