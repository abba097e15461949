import { PlusOutlined } from '@ant-design/icons';
import type { LifestyleAssessment } from '@careloop/contracts';
import { Button, Descriptions, Skeleton, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useLifestyle } from '../hooks/use-record-writes';
import { formatDay } from '../lib/format';
import { LifestyleFormDrawer } from './LifestyleFormDrawer';
import { RecordCard, RecordEmpty } from './RecordCard';
import { SourceTag } from './SourceTag';
import { lifestyleItems } from './SummaryLifestyleCard';

/** Smoking, alcohol, activity, diet and sleep: the latest assessment and the earlier ones. */
export function LifestyleSection({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lifestyle = useLifestyle(patientId);
  const [adding, setAdding] = useState(false);
  const latest = lifestyle.data?.latest ?? null;
  const history = (lifestyle.data?.items ?? []).filter((a) => a.id !== latest?.id);
  const summaryOf = (a: LifestyleAssessment) =>
    lifestyleItems(a, t, i18n.language)
      .map((item) => `${String(item.label)}: ${String(item.children)}`)
      .join(i18n.language === 'zh-CN' ? '；' : '; ');
  const columns: TableColumnsType<LifestyleAssessment> = [
    {
      key: 'at',
      title: t('record.lifestyleFields.assessedAt'),
      className: 'nowrap',
      render: (_, a) => formatDay(a.assessedAt, i18n.language),
    },
    { key: 'what', title: t('record.sections.lifestyle'), render: (_, a) => summaryOf(a) },
    {
      key: 'source',
      title: t('record.sections.source'),
      render: (_, a) => (
        <SourceTag source={a.source} sourceOrg={a.sourceOrg} recordedBy={a.recordedBy?.name} />
      ),
    },
  ];

  return (
    <RecordCard
      title={t('record.sections.lifestyle')}
      testId="section-lifestyle"
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('record.sections.addAssessment')}
          </Button>
        ) : null
      }
    >
      {lifestyle.isPending ? (
        <Skeleton active />
      ) : lifestyle.isError ? (
        <QueryError error={lifestyle.error} onRetry={() => void lifestyle.refetch()} />
      ) : !latest ? (
        <RecordEmpty text={t('record.summary.noLifestyle')} />
      ) : (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2, xl: 3 }}
            title={
              <span className="lifestyle-latest">
                {t('record.sections.latest')} · {formatDay(latest.assessedAt, i18n.language)}{' '}
                <SourceTag
                  source={latest.source}
                  sourceOrg={latest.sourceOrg}
                  recordedBy={latest.recordedBy?.name}
                />
              </span>
            }
            items={lifestyleItems(latest, t, i18n.language)}
          />
          {history.length > 0 ? (
            <Table<LifestyleAssessment>
              className="lifestyle-history"
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={history}
              pagination={history.length > 5 ? { pageSize: 5, size: 'small' } : false}
              title={() => t('record.sections.history')}
            />
          ) : null}
        </>
      )}
      {adding ? <LifestyleFormDrawer patientId={patientId} onClose={() => setAdding(false)} /> : null}
    </RecordCard>
  );
}
