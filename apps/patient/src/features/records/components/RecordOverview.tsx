import type { PatientRecordSummary } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LinkList, type LinkListEntry } from '../../../ui/LinkList.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { useCheckups } from '../../checkups/hooks/useCheckups.ts';
import { useRecordSummary } from '../hooks/useRecordQueries.ts';
import { AttentionCard } from './AttentionCard.tsx';
import { ExportCard } from './ExportCard.tsx';
import { formatDateTime } from './format.ts';
import { ActingFor, type RecordContext } from './RecordFrame.tsx';
import { ProfileSummaryCard } from './ProfileSummaryCard.tsx';

type Counts = PatientRecordSummary['counts'];

const SECTIONS: { to: string; key: string; count?: keyof Counts }[] = [
  { to: '/records/checkups', key: 'checkups' },
  { to: '/records/trends', key: 'trends', count: 'observations' },
  { to: '/records/conditions', key: 'conditions', count: 'conditions' },
  { to: '/records/allergies', key: 'allergies', count: 'allergies' },
  { to: '/records/medications', key: 'medications', count: 'medications' },
  { to: '/records/procedures', key: 'procedures', count: 'procedures' },
  { to: '/records/family-history', key: 'family-history', count: 'familyHistory' },
  { to: '/records/lifestyle', key: 'lifestyle', count: 'lifestyle' },
  { to: '/records/encounters', key: 'encounters', count: 'encounters' },
  { to: '/records/documents', key: 'documents', count: 'documents' },
  { to: '/records/profile', key: 'profile' },
];

function Count({ value, more = false }: { value: number | undefined; more?: boolean }) {
  const { t } = useTranslation();
  if (value === undefined) return null;
  const text = `${value}${more ? '+' : ''}`;
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{t('health.countLabel', { count: text })}</span>
    </>
  );
}

export function RecordOverview({ patientId, acting, canEdit }: RecordContext) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const summary = useRecordSummary(patientId);
  const checkups = useCheckups(patientId);
  const checkupCount = checkups.data?.pages.reduce((n, page) => n + page.items.length, 0);
  const counts = summary.data?.counts;
  const sections: LinkListEntry[] = SECTIONS.map((s) => ({
    to: s.to,
    label: t(`sections.${s.key}` as 'sections.checkups'),
    testId: `record-section-${s.key}`,
    extra:
      s.key === 'checkups' ? (
        <Count value={checkupCount} more={checkups.hasNextPage} />
      ) : s.count && counts ? (
        <Count value={counts[s.count]} />
      ) : null,
  }));
  const entries: LinkListEntry[] = [
    { to: '/monitoring', label: t('monitoring.title'), testId: 'record-section-monitoring' },
    ...sections,
  ];

  return (
    <>
      <ActingFor acting={acting} />
      {summary.isPending && <Loading />}
      <ErrorNotice error={summary.error} />
      {summary.data && <AttentionCard items={summary.data.abnormalItems} />}
      {canEdit ? (
        <Button
          block
          color="primary"
          className="record-primary-action"
          onClick={() => void navigate('/records/readings/new')}
          data-testid="record-add-reading"
        >
          <AddOutline aria-hidden="true" /> {t('health.addReading')}
        </Button>
      ) : (
        <Notice tone="info">{t('health.readOnly')}</Notice>
      )}
      <nav aria-labelledby="record-sections-title">
        <h2 id="record-sections-title" className="sr-only">
          {t('health.sectionsTitle')}
        </h2>
        <LinkList entries={entries} />
      </nav>
      <ProfileSummaryCard patientId={patientId} />
      <ExportCard patientId={patientId} />
      {summary.data?.lastUpdatedAt && (
        <p className="muted">
          {t('health.updatedAt', { time: formatDateTime(summary.data.lastUpdatedAt, i18n.language) })}
        </p>
      )}
    </>
  );
}
