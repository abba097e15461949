import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
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

  const setQuery = useCallback(
    (next: string) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (next.trim()) out.set('q', next.trim());
          else out.delete('q');
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );

  function setScope(next: CareTeamScope) {
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (next === 'mine') out.set('careTeam', 'mine');
        else out.delete('careTeam');
        return out;
      },
      { replace: true },
    );
  }

  // Searches as the person types, once they pause; Enter or the button searches at once.
  useEffect(() => {
    if (draft.trim() === q) return;
    const timer = setTimeout(() => setQuery(draft), 350);
    return () => clearTimeout(timer);
  }, [draft, q, setQuery]);

  const rows = search.data?.pages.flatMap((page) => page.items) ?? [];

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
          <Space.Compact>
            <Input
              data-testid="patient-search"
              aria-label={t('patients.searchLabel')}
              placeholder={t('patients.searchPlaceholder')}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onPressEnter={() => setQuery(draft)}
              allowClear
              maxLength={60}
              prefix={<SearchOutlined aria-hidden />}
              className="patient-search__input"
            />
            <Button type="primary" onClick={() => setQuery(draft)}>
              {t('common.search')}
            </Button>
          </Space.Compact>
          <Segmented<CareTeamScope>
            aria-label={t('patients.scope')}
            value={scope}
            onChange={setScope}
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
