import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkList } from '../../../ui/LinkList.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useConsultTargets } from '../../consult/hooks/useConsultQueries.ts';
import { useBookFor } from '../hooks/useBookFor.ts';
import { WhoFor } from './WhoFor.tsx';
import '../appointments.css';

/** 预约挂号: for whom, then a department; a way to the symptom check for those who do not know which. */
export function BookPage() {
  const { t } = useTranslation();
  const { allowed, patientId, setPatientId, hasProfiles } = useBookFor();
  const targets = useConsultTargets(patientId);
  const departments = targets.data?.departments ?? [];
  const forQuery = patientId ? `?for=${encodeURIComponent(patientId)}` : '';
  return (
    <div className="page stack">
      <PageHeader title={t('appointments.book.title')} backTo="/services" />
      {allowed.length === 0 && hasProfiles && (
        <Notice tone="info">{t('appointments.book.noBookScope')}</Notice>
      )}
      <WhoFor
        allowed={allowed}
        value={patientId}
        onChange={setPatientId}
        legend={t('appointments.book.who')}
        testId="book-for"
      />
      <p className="book-triage-hint">
        {t('appointments.book.notSure')}{' '}
        <Link to="/triage" className="text-link" data-testid="book-triage">
          {t('appointments.book.tryTriage')}
        </Link>
      </p>
      <section aria-labelledby="book-departments-title" className="stack">
        <h2 id="book-departments-title">{t('appointments.book.departments')}</h2>
        {targets.isPending && targets.fetchStatus === 'fetching' && <Loading />}
        <ErrorNotice error={targets.error} />
        {targets.data && departments.length === 0 && (
          <Notice tone="info">{t('appointments.book.noDepartments')}</Notice>
        )}
        {departments.length > 0 && (
          <LinkList
            entries={departments.map((d) => ({
              to: `/book/departments/${encodeURIComponent(d.id)}${forQuery}`,
              label: d.name,
              testId: 'book-department',
            }))}
          />
        )}
      </section>
    </div>
  );
}
