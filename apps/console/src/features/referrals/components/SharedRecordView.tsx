import type { Referral, ReferralRecord, ReferralSection } from '@careloop/contracts';
import { Alert, Card, Empty, List, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useReferralRecord } from '../hooks/use-referrals';

/** The record parts the patient shared for this referral, read-only; sections not shared are not shown at all. */
export function SharedRecordView({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const query = useReferralRecord(referral.id, referral.canReadRecord);
  if (!referral.canReadRecord) return <Alert type="info" showIcon title={t('referrals.record.noAccess')} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const record = query.data;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const severityText = (s: string) =>
    s === 'mild' || s === 'moderate' || s === 'severe' || s === 'unknown'
      ? t(`referrals.record.severity.${s}`)
      : s;
  const section = (key: ReferralSection, body: ReactNode, count: number) => (
    <Card
      key={key}
      size="small"
      title={t(`referrals.sections.${key}`)}
      data-testid="shared-section"
      data-section={key}
      style={{ marginBottom: 12 }}
    >
      {count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('referrals.record.empty')} />
      ) : (
        body
      )}
    </Card>
  );
  return (
    <section aria-labelledby="shared-record-title" data-testid="shared-record">
      <h2 id="shared-record-title">{t('referrals.record.title')}</h2>
      <Alert type="warning" showIcon title={t('referrals.record.note')} style={{ marginBottom: 12 }} />
      {query.isPending || !record ? (
        <p className="muted">{t('referrals.loading')}</p>
      ) : (
        <>
          <p data-testid="shared-patient">
            {t('referrals.record.patient', {
              name: record.patient.name,
              sex: t(`referrals.record.sex.${record.patient.sex}`),
              birthDate: record.patient.birthDate,
            })}
          </p>
          {record.problems &&
            section(
              'problems',
              <List
                size="small"
                dataSource={record.problems}
                renderItem={(c) => (
                  <List.Item>
                    {c.display}
                    {c.icd10 ? ` (${c.icd10})` : ''}
                    {c.onsetDate ? ` · ${c.onsetDate}` : ''}
                  </List.Item>
                )}
              />,
              record.problems.length,
            )}
          {record.medications &&
            section(
              'medications',
              <List
                size="small"
                dataSource={record.medications}
                renderItem={(m) => (
                  <List.Item>{[m.name, m.dose, m.route, m.frequency].filter(Boolean).join(' · ')}</List.Item>
                )}
              />,
              record.medications.length,
            )}
          {record.allergies &&
            section(
              'allergies',
              <List
                size="small"
                dataSource={record.allergies}
                renderItem={(a) => (
                  <List.Item>
                    {[a.substance, a.reaction, severityText(a.severity)].filter(Boolean).join(' · ')}
                  </List.Item>
                )}
              />,
              record.allergies.length,
            )}
          {record.observations && observations(record, when, section)}
          {record.encounters &&
            section(
              'encounters',
              <List
                size="small"
                dataSource={record.encounters}
                renderItem={(e) => (
                  <List.Item>
                    <div>
                      <strong>{when(e.startedAt)}</strong>{' '}
                      {[e.department, e.practitioner, e.reason].filter(Boolean).join(' · ')}
                      {e.summary && <div style={{ whiteSpace: 'pre-wrap' }}>{e.summary}</div>}
                    </div>
                  </List.Item>
                )}
              />,
              record.encounters.length,
            )}
          {record.documents &&
            section(
              'documents',
              <List
                size="small"
                dataSource={record.documents}
                renderItem={(d) => (
                  <List.Item>
                    {[d.title, d.documentDate, d.contentType].filter(Boolean).join(' · ')}
                  </List.Item>
                )}
              />,
              record.documents.length,
            )}
        </>
      )}
    </section>
  );
}

function observations(
  record: ReferralRecord,
  when: (iso: string) => string,
  section: (key: ReferralSection, body: ReactNode, count: number) => ReactNode,
) {
  const rows = record.observations ?? [];
  return section(
    'observations',
    <Table
      size="small"
      rowKey={(o) => `${o.code}-${o.effectiveAt}`}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      columns={[
        { key: 'name', dataIndex: 'name', title: '' },
        {
          key: 'value',
          render: (_, o) => `${o.value}${o.unit ? ` ${o.unit}` : ''}${o.flag ? ` (${o.flag})` : ''}`,
        },
        { key: 'at', render: (_, o) => when(o.effectiveAt) },
      ]}
      showHeader={false}
    />,
    rows.length,
  );
}
