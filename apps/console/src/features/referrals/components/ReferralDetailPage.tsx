import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Referral } from '@careloop/contracts';
import { Card, Col, Descriptions, Row, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { useReferral } from '../hooks/use-referrals';
import { ReferralActions } from './ReferralActions';
import { ReferralStatusTag } from './ReferralStatusTag';
import { SharedRecordView } from './SharedRecordView';
import { sourceText, targetText } from './target-text';

function Facts({ referral: r }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <Descriptions column={1} size="small" bordered data-testid="referral-facts">
      <Descriptions.Item label={t('referrals.detail.from')}>{sourceText(r)}</Descriptions.Item>
      <Descriptions.Item label={t('referrals.detail.to')}>{targetText(r)}</Descriptions.Item>
      <Descriptions.Item label={t('referrals.detail.reason')}>{r.reason}</Descriptions.Item>
      <Descriptions.Item label={t('referrals.detail.urgency')}>
        {t(`referrals.urgency.${r.urgency}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('referrals.detail.consent')}>
        {t(`referrals.consent.${r.consent.state}`)}
        {r.consent.at ? ` · ${when(r.consent.at)}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('referrals.detail.shared')}>
        {r.sections.length === 0
          ? t('referrals.detail.noSections')
          : r.sections.map((s) => <Tag key={s}>{t(`referrals.sections.${s}`)}</Tag>)}
      </Descriptions.Item>
      <Descriptions.Item label={t('referrals.detail.window')}>
        {r.windowFrom || r.windowTo
          ? t('referrals.detail.windowValue', {
              from: r.windowFrom ?? t('referrals.detail.windowAny'),
              to: r.windowTo ?? t('referrals.detail.windowAny'),
            })
          : t('referrals.detail.windowAny')}
      </Descriptions.Item>
      {r.booking && (
        <Descriptions.Item label={t('referrals.detail.booking')}>
          {r.booking.plannedAt ? when(r.booking.plannedAt) : ''}
          {r.booking.note ? ` · ${r.booking.note}` : ''}
        </Descriptions.Item>
      )}
      {r.declineReason && (
        <Descriptions.Item label={t('referrals.detail.declineReason')}>{r.declineReason}</Descriptions.Item>
      )}
      {r.outcome && (
        <Descriptions.Item label={t('referrals.detail.outcome')}>
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="referral-outcome-text">
            {r.outcome.text}
          </div>
          <div className="muted">
            {r.outcome.by.name} · {when(r.outcome.at)}
          </div>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One referral: the facts, what the caller can do next, its history and (for the receiver) the shared record. */
export function ReferralDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useReferral(id);
  const r = query.data;
  return (
    <>
      <Link to="/referrals" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('referrals.back')}
      </Link>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {r && (
        <>
          <PageTitle extra={<ReferralStatusTag status={r.status} />}>{r.patient.name}</PageTitle>
          <ReferralActions referral={r} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={r.role === 'receiver' ? 10 : 16}>
              <Facts referral={r} />
              <Card size="small" title={t('referrals.detail.history')} style={{ marginTop: 16 }}>
                <Timeline
                  items={r.events.map((e) => ({
                    content: (
                      <span>
                        {t(`referrals.events.${e.type}`)}
                        {e.by ? ` · ${e.by.name}` : ''} ·{' '}
                        <time dateTime={e.at}>{new Date(e.at).toLocaleString(i18n.language)}</time>
                        {e.note ? <div className="muted">{e.note}</div> : null}
                      </span>
                    ),
                  }))}
                />
              </Card>
            </Col>
            {r.role === 'receiver' && (
              <Col xs={24} xl={14}>
                <SharedRecordView referral={r} />
              </Col>
            )}
          </Row>
        </>
      )}
    </>
  );
}
