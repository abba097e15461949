import type { Consultation } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { AddOutline, MessageOutline } from 'antd-mobile-icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ConsultationList } from '@careloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { useConsultPush } from '../hooks/useConsultPush.ts';
import { useConsultations } from '../hooks/useConsultQueries.ts';
import { useNow } from '../hooks/useNow.ts';
import { useOutboxFlusher } from '../hooks/useOutboxFlusher.ts';
import { ConsultationItem } from './ConsultationItem.tsx';
import '../consult.css';

interface ConsultListProps {
  query: UseQueryResult<ConsultationList>;
  titleId: string;
  title: string;
  empty: ReactNode;
  testId: string;
}

function ConsultList({ query, titleId, title, empty, testId }: ConsultListProps) {
  const { profiles } = useActingProfile();
  const now = useNow();
  const selfId = profiles.find((p) => p.relationship === 'self')?.patient.id;
  const items: Consultation[] = query.data?.items ?? [];
  return (
    <section aria-labelledby={titleId} className="stack" data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {query.isPending && query.fetchStatus === 'fetching' && <Loading />}
      <ErrorNotice error={query.error} />
      {query.data && items.length === 0 && empty}
      {items.length > 0 && (
        <ul className="items">
          {items.map((c) => (
            <ConsultationItem key={c.id} consultation={c} selfPatientId={selfId} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** 问诊: start a consultation, the ongoing ones (waiting, accepted, in progress) and the past ones. */
export function ConsultPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useConsultPush();
  const open = useConsultations('open');
  const past = useConsultations('past');
  useOutboxFlusher(
    [...(open.data?.items ?? []), ...(past.data?.items ?? [])].filter((c) => c.canMessage).map((c) => c.id),
  );
  return (
    <div className="page stack">
      <PageHeader title={t('consult.title')} />
      <Button block color="primary" onClick={() => void navigate('/consult/new')} data-testid="consult-start">
        <AddOutline aria-hidden="true" /> {t('consult.start')}
      </Button>
      <ConsultList
        query={open}
        titleId="consult-ongoing-title"
        title={t('consult.ongoing')}
        testId="consult-ongoing"
        empty={
          <section className="card" data-testid="consult-empty">
            <EmptyState
              level={3}
              icon={<MessageOutline />}
              title={t('consult.noOngoing')}
              body={t('consult.noOngoingBody')}
            />
          </section>
        }
      />
      <ConsultList
        query={past}
        titleId="consult-past-title"
        title={t('consult.past')}
        testId="consult-past"
        empty={<p className="muted">{t('consult.noPast')}</p>}
      />
    </div>
  );
}
