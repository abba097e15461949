import type { AppointmentList } from '@careloop/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { CalendarOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAppointments } from '../hooks/useAppointmentQueries.ts';
import { AppointmentItem } from './AppointmentItem.tsx';
import { WaitlistSection } from './WaitlistSection.tsx';
import '../appointments.css';

interface ListProps {
  query: UseQueryResult<AppointmentList>;
  id: string;
  title: string;
  empty: ReactNode;
}

function AppointmentSection({ query, id, title, empty }: ListProps) {
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="stack" data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {query.isPending && query.fetchStatus === 'fetching' && <Loading />}
      <ErrorNotice error={query.error} />
      {query.data && items.length === 0 && empty}
      {items.length > 0 && (
        <ul className="items">
          {items.map((a) => (
            <AppointmentItem key={a.id} appointment={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** 我的预约: upcoming (with the waitlist) and past appointments of every profile the account books for. */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const upcoming = useAppointments('upcoming');
  const past = useAppointments('past');
  return (
    <div className="page stack">
      <PageHeader title={t('appointments.list.title')} backTo="/services" />
      <Button block color="primary" onClick={() => void navigate('/book')} data-testid="appointments-book">
        {t('appointments.list.bookNew')}
      </Button>
      <WaitlistSection />
      <AppointmentSection
        query={upcoming}
        id="appointments-upcoming"
        title={t('appointments.list.upcoming')}
        empty={
          <section className="card" data-testid="appointments-empty">
            <EmptyState
              level={3}
              icon={<CalendarOutline />}
              title={t('appointments.list.noUpcoming')}
              body={t('appointments.list.noUpcomingBody')}
            />
          </section>
        }
      />
      <AppointmentSection
        query={past}
        id="appointments-past"
        title={t('appointments.list.past')}
        empty={<p className="muted">{t('appointments.list.noPast')}</p>}
      />
    </div>
  );
}
