import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { AUDIT_VERIFY_ROLES } from '../../auth/roles';
import type { AuditFilters } from '../api/audit-api';
import { useAuditEvents } from '../hooks/use-audit';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

export function AuditPage() {
  const { t } = useTranslation();
  const me = useStaffMe();
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(filters);
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      {hasAnyRole(me, AUDIT_VERIFY_ROLES) ? <VerifyChain /> : null}
      <AuditFilterForm onApply={setFilters} />
      {events.error ? <QueryError error={events.error} onRetry={() => void events.refetch()} /> : null}
      <AuditTable
        rows={rows}
        loading={events.isFetching && !events.isFetchingNextPage}
        hasMore={events.hasNextPage}
        loadingMore={events.isFetchingNextPage}
        onLoadMore={() => void events.fetchNextPage()}
      />
    </>
  );
}
