import { SendOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMyReferrals } from '../hooks/useReferrals.ts';
import { ReferralStatusTag } from './ReferralStatusTag.tsx';
import { targetText } from './target-text.ts';
import '../referrals.css';

/** 我的转诊: every referral of the profiles this account holds, the ones waiting for an answer first. */
export function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const list = useMyReferrals();
  const items = [...(list.data?.items ?? [])].sort(
    (a, b) => Number(b.status === 'awaiting_consent') - Number(a.status === 'awaiting_consent'),
  );
  return (
    <div className="page stack">
      <PageHeader title={t('referrals.title')} backTo="/me" />
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} />
      {list.data && items.length === 0 && (
        <section className="card" data-testid="referrals-empty">
          <EmptyState icon={<SendOutline />} title={t('referrals.empty')} body={t('referrals.emptyBody')} />
        </section>
      )}
      {items.length > 0 && (
        <ul className="items" data-testid="referrals-list">
          {items.map((r) => (
            <li key={r.id} className="item referral-item" data-testid="referral-item" data-status={r.status}>
              <Link to={`/referrals/${r.id}`} className="referral-item-link">
                <span className="referral-item-head">
                  <span className="item-title">{t('referrals.to', { target: targetText(r) })}</span>
                  <ReferralStatusTag status={r.status} />
                </span>
                <span className="muted">{t('referrals.forPatient', { name: r.patient.name })}</span>
                <span className="muted">
                  {t('referrals.from', { doctor: r.from.doctor.name, org: r.from.orgName })} ·{' '}
                  <time dateTime={r.createdAt}>
                    {new Date(r.createdAt).toLocaleDateString(i18n.language)}
                  </time>
                </span>
                {r.status === 'awaiting_consent' && (
                  <span className="referral-needs" data-testid="referral-needs-consent">
                    {t('referrals.needsConsent')}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
