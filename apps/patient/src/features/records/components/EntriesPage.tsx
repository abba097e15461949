import { Button } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import type { EntrySection } from '../api/records.api.ts';
import { useEntries } from '../hooks/useRecordQueries.ts';
import { describeEntry } from './entry-describe.ts';
import { EntryItem } from './EntryItem.tsx';
import { ActingFor, RecordFrame, type RecordContext } from './RecordFrame.tsx';

export const ENTRY_SECTIONS: readonly EntrySection[] = [
  'conditions',
  'allergies',
  'medications',
  'procedures',
  'family-history',
  'encounters',
];
/** Visits come from the hospital; the other kinds a patient may add themselves. */
export const PATIENT_ADDABLE: readonly EntrySection[] = [
  'conditions',
  'allergies',
  'medications',
  'procedures',
  'family-history',
];

export function isEntrySection(value: string | undefined): value is EntrySection {
  return ENTRY_SECTIONS.includes(value as EntrySection);
}

function EntriesBody({ patientId, acting, canEdit, section }: RecordContext & { section: EntrySection }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = useEntries(patientId, section);
  const [deleted, setDeleted] = useState(false);
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const canAdd = canEdit && PATIENT_ADDABLE.includes(section);
  if (entries.isPending) return <Loading />;
  if (entries.error) return <ErrorNotice error={entries.error} />;
  // Current entries first, then resolved or stopped ones; the server's order holds within each group.
  const sorted = [...entries.data].sort(
    (a, b) =>
      Number(describeEntry(section, a, t, i18n.language).inactive) -
      Number(describeEntry(section, b, t, i18n.language).inactive),
  );
  const hasOthers = sorted.some((e) => e.source !== 'self');
  return (
    <>
      <ActingFor acting={acting} />
      {saved && !deleted && <Notice tone="success">{t('entries.saved')}</Notice>}
      {deleted && <Notice tone="success">{t('entries.deleted')}</Notice>}
      {canAdd && (
        <Button
          block
          color="primary"
          onClick={() => void navigate(`/records/${section}/new`)}
          data-testid="entry-add"
        >
          <AddOutline aria-hidden="true" /> {t(`sectionAdd.${section}` as 'sectionAdd.conditions')}
        </Button>
      )}
      {sorted.length === 0 ? (
        <EmptyState title={t('entries.empty')} body={canAdd ? t('entries.emptyBodyOwn') : undefined} />
      ) : (
        <ul
          className="items"
          aria-label={t(`sections.${section}` as 'sections.conditions')}
          data-testid="entry-list"
        >
          {sorted.map((entry) => (
            <EntryItem
              key={entry.id}
              patientId={patientId}
              section={section}
              entry={entry}
              editable={canEdit && entry.source === 'self'}
              onDeleted={() => setDeleted(true)}
            />
          ))}
        </ul>
      )}
      {canAdd && hasOthers && <p className="muted">{t('entries.notEditable')}</p>}
    </>
  );
}

/** One kind of record entry (conditions, allergies, medications...) with its sources; add and edit one's own. */
export function EntriesPage() {
  const { t } = useTranslation();
  const { section } = useParams();
  if (!isEntrySection(section)) return <Navigate to="/records" replace />;
  return (
    <RecordFrame title={t(`sections.${section}` as 'sections.conditions')} backTo="/records">
      {(record) => <EntriesBody key={`${record.patientId}-${section}`} {...record} section={section} />}
    </RecordFrame>
  );
}
