import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { REGISTER_ROLES } from '../../auth/roles';
import type { CareTeamScope } from '../api/patients-api';
import { usePatientSearch } from '../hooks/use-patients';
import { PatientTable } from './PatientTable';
import { RegisterPatientModal } from './RegisterPatientModal';

/** Find a patient of the organization; the query and scope live in the URL so a search can be shared. */
export function PatientsPage() {
  const { t } = useTranslation();
  const me = useStaffMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const scope: CareTeamScope = params.get('careTeam') === 'mine' ? 'mine' : 'all';
  const [draft, setDraft] = useState(q);
  const [registering, setRegistering] = useState(false);
  const search = usePatientSearch(q, scope);
  const rows = search.data?.pages.flatMap((page) => page.items) ?? [];

  function update(next: { q?: string; careTeam?: CareTeamScope }) {
    const merged = { q, careTeam: scope, ...next };
    const out = new URLSearchParams();
    if (merged.q.trim()) out.set('q', merged.q.trim());
    if (merged.careTeam === 'mine') out.set('careTeam', 'mine');
    setParams(out, { replace: true });
  }

  return (
    <>
      <PageTitle
        extra={
          hasAnyRole(me, REGISTER_ROLES) ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>
              {t('patients.register')}
            </Button>
          ) : null
        }
      >
        {t('patients.title')}
      </PageTitle>
      <div role="search" aria-label={t('patients.searchLabel')} className="patient-search">
        <Space wrap size="middle">
          <Input.Search
            data-testid="patient-search"
            aria-label={t('patients.searchLabel')}
            placeholder={t('patients.searchPlaceholder')}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onSearch={(value) => update({ q: value })}
            allowClear
            enterButton={t('common.search')}
            maxLength={60}
            className="patient-search__input"
          />
          <Segmented<CareTeamScope>
            aria-label={t('patients.scope')}
            value={scope}
            onChange={(value) => update({ careTeam: value })}
            options={[
              { value: 'all', label: t('patients.scopeAll') },
              { value: 'mine', label: t('patients.scopeMine') },
            ]}
          />
        </Space>
      </div>
      {search.error ? <QueryError error={search.error} onRetry={() => void search.refetch()} /> : null}
      <PatientTable
        rows={rows}
        loading={search.isFetching && !search.isFetchingNextPage}
        emptyText={scope === 'mine' && !q ? t('patients.emptyMine') : t('patients.empty')}
        hasMore={search.hasNextPage}
        loadingMore={search.isFetchingNextPage}
        onLoadMore={() => void search.fetchNextPage()}
      />
      <RegisterPatientModal open={registering} onClose={() => setRegistering(false)} />
    </>
  );
}
