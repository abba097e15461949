import type { Referral } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAnswerReferral, useReferral } from '../hooks/useReferrals.ts';
import { ReferralStatusTag } from './ReferralStatusTag.tsx';
import { targetText } from './target-text.ts';
import '../referrals.css';

const OPEN_AFTER_CONSENT = new Set(['consented', 'accepted', 'booked']);

/** What will be shared with whom: exactly the sections the doctor chose, and the period of the dated ones. */
function SharedParts({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="referral-share-title" data-testid="referral-share">
      <h2 id="referral-share-title">{t('referrals.shareTitle')}</h2>
      {r.sections.length === 0 ? (
        <p>{t('referrals.shareNothing')}</p>
      ) : (
        <>
          <p>{t('referrals.shareIntro', { target: targetText(r) })}</p>
          <ul className="referral-sections">
            {r.sections.map((s) => (
              <li key={s} data-testid="referral-section" data-section={s}>
                {t(`referrals.sections.${s}`)}
              </li>
            ))}
          </ul>
          {(r.windowFrom || r.windowTo) && (
            <p data-testid="referral-window">
              {t('referrals.window', {
                from: r.windowFrom ?? t('referrals.windowStart'),
                to: r.windowTo ?? t('referrals.windowEnd'),
              })}
              <br />
              <span className="muted">{t('referrals.windowNote')}</span>
            </p>
          )}
        </>
      )}
      <p className="referral-promise">{t('referrals.promise')}</p>
    </section>
  );
}

function ConsentActions({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const answer = useAnswerReferral(r.id);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const act = (action: 'consent' | 'refuse' | 'withdraw', message: string) =>
    answer.mutate(
      { action, ...(action === 'consent' ? { version: r.version } : {}), reason: reason.trim() || undefined },
      { onSuccess: () => setDone(message) },
    );
  const canWithdraw = r.consent.state === 'given' && OPEN_AFTER_CONSENT.has(r.status);
  if (r.status !== 'awaiting_consent' && !canWithdraw && !done && !answer.error) return null;
  return (
    <section className="card referral-actions" aria-label={t('referrals.detailTitle')}>
      {done && <Notice tone="success">{done}</Notice>}
      <ErrorNotice error={answer.error} />
      {r.status === 'awaiting_consent' && !refusing && (
        <>
          <Button
            block
            color="primary"
            size="large"
            loading={answer.isPending}
            onClick={() => act('consent', t('referrals.consented'))}
            data-testid="referral-consent"
          >
            {t('referrals.consent')}
          </Button>
          <Button block size="large" onClick={() => setRefusing(true)} data-testid="referral-refuse">
            {t('referrals.refuse')}
          </Button>
        </>
      )}
      {r.status === 'awaiting_consent' && refusing && (
        <>
          <label htmlFor="referral-refuse-reason">{t('referrals.refuseReason')}</label>
          <textarea
            id="referral-refuse-reason"
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            block
            color="danger"
            size="large"
            loading={answer.isPending}
            onClick={() => act('refuse', t('referrals.refused'))}
            data-testid="referral-refuse-confirm"
          >
            {t('referrals.refuseConfirm')}
          </Button>
          <Button block size="large" onClick={() => setRefusing(false)}>
            {t('common.cancel')}
          </Button>
        </>
      )}
      {canWithdraw && (
        <InlineConfirm
          label={t('referrals.withdraw')}
          question={t('referrals.withdrawQuestion')}
          busy={answer.isPending}
          onConfirm={() => act('withdraw', t('referrals.withdrawn'))}
          testId="referral-withdraw"
        />
      )}
    </section>
  );
}

/** 转诊授权: who refers, where to, why, exactly what would be shared; agree, decline, or later withdraw. */
export function ReferralDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useReferral(id);
  const r = query.data;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="page stack" data-testid="referral-detail">
      <PageHeader title={t('referrals.detailTitle')} backTo="/referrals" />
      {query.isPending && <Loading />}
      <ErrorNotice error={query.error} />
      {r && (
        <>
          <section className="card stack">
            <div className="referral-item-head">
              <h2>{t('referrals.to', { target: targetText(r) })}</h2>
              <ReferralStatusTag status={r.status} />
            </div>
            <dl className="referral-facts">
              <div>
                <dt>{t('referrals.whoRefers')}</dt>
                <dd>
                  {t('referrals.from', { doctor: r.from.doctor.name, org: r.from.orgName })}
                  {r.from.departmentName ? ` · ${r.from.departmentName}` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('referrals.whereTo')}</dt>
                <dd data-testid="referral-target">{targetText(r)}</dd>
              </div>
              <div>
                <dt>{t('referrals.reason')}</dt>
                <dd>{r.reason}</dd>
              </div>
              <div>
                <dt>{t('referrals.urgencyLabel')}</dt>
                <dd>{t(`referrals.urgency.${r.urgency}`)}</dd>
              </div>
              <div>
                <dt>{t('referrals.patient')}</dt>
                <dd>{r.patient.name}</dd>
              </div>
            </dl>
          </section>
          <SharedParts referral={r} />
          <ConsentActions referral={r} />
          {r.declineReason && (
            <Notice tone="info">{t('referrals.declineReason', { reason: r.declineReason })}</Notice>
          )}
          {r.booking && (
            <section className="card stack" aria-labelledby="referral-booking-title">
              <h2 id="referral-booking-title">{t('referrals.booking')}</h2>
              {r.booking.plannedAt && <p>{t('referrals.plannedAt', { time: when(r.booking.plannedAt) })}</p>}
              {r.booking.note && <p>{r.booking.note}</p>}
              {r.booking.appointmentId && (
                <Link
                  to={`/appointments/${r.booking.appointmentId}`}
                  className="button-link"
                  data-testid="referral-appointment"
                >
                  {t('referrals.openAppointment')}
                </Link>
              )}
            </section>
          )}
          {r.outcome && (
            <section
              className="card stack"
              aria-labelledby="referral-outcome-title"
              data-testid="referral-outcome"
            >
              <h2 id="referral-outcome-title">{t('referrals.outcome')}</h2>
              <p style={{ whiteSpace: 'pre-wrap' }}>{r.outcome.text}</p>
              <p className="muted">
                {t('referrals.outcomeBy', { name: r.outcome.by.name, time: when(r.outcome.at) })}
              </p>
            </section>
          )}
          <section className="card stack" aria-labelledby="referral-history-title">
            <h2 id="referral-history-title">{t('referrals.history')}</h2>
            <ol className="referral-history">
              {r.events.map((e, i) => (
                <li key={`${e.type}-${i}`}>
                  <span>
                    {t(`referrals.events.${e.type}`)}
                    {e.by ? ` · ${e.by.name}` : ''}
                  </span>
                  <time className="muted" dateTime={e.at}>
                    {when(e.at)}
                  </time>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
