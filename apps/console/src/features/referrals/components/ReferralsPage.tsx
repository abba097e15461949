import type { Referral } from '@careloop/contracts';
import { Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import type { ReferralBox } from '../api/referrals-api';
import { useReferralList } from '../hooks/use-referrals';
import { ReferralStatusTag } from './ReferralStatusTag';
import { sourceText, targetText } from './target-text';

const VIEWS: readonly ReferralBox[] = ['inbox', 'outbox'];

/** Referrals received (by me, my department or my organization, once the patient consented) and sent by me. */
export function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: ReferralBox = params.get('view') === 'outbox' ? 'outbox' : 'inbox';
  const list = useReferralList(view);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <>
      <PageTitle>{t('referrals.title')}</PageTitle>
      <Segmented<ReferralBox>
        value={view}
        onChange={(next) => setParams(next === 'inbox' ? {} : { view: next }, { replace: true })}
        options={VIEWS.map((v) => ({ value: v, label: t(`referrals.views.${v}`) }))}
        aria-label={t('referrals.viewsLabel')}
        data-testid="referral-view"
        style={{ marginBottom: 16 }}
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Referral>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t(`referrals.empty.${view}`) }}
          data-testid={`referral-${view}`}
          scroll={{ x: 720 }}
          columns={[
            {
              title: t('referrals.columns.patient'),
              key: 'patient',
              render: (_, r) => (
                <Link to={`/referrals/${r.id}`} data-testid="referral-open">
                  {r.patient.name}
                </Link>
              ),
            },
            view === 'inbox'
              ? { title: t('referrals.columns.from'), key: 'from', render: (_, r) => sourceText(r) }
              : { title: t('referrals.columns.target'), key: 'to', render: (_, r) => targetText(r) },
            {
              title: t('referrals.columns.urgency'),
              key: 'urgency',
              render: (_, r) => t(`referrals.urgency.${r.urgency}`),
            },
            {
              title: t('referrals.columns.status'),
              key: 'status',
              render: (_, r) => <ReferralStatusTag status={r.status} />,
            },
            {
              title: t('referrals.columns.created'),
              key: 'created',
              render: (_, r) => <time dateTime={r.createdAt}>{when(r.createdAt)}</time>,
            },
          ]}
        />
      )}
    </>
  );
}
