import type { Observation } from '@careloop/contracts';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatRange } from '../lib/format';
import { isAbnormalFlag } from '../lib/flags';
import { trendSearch } from '../lib/trend-link';
import { ObservationValue } from './FlagText';
import { RecordCard, RecordEmpty } from './RecordCard';
import { SourceTag } from './SourceTag';

/** The latest result of each lab and checkup item: abnormal rows first, each name a link to its curve. */
export function SummaryLabsCard({ labs }: { labs: Observation[] }) {
  const { t, i18n } = useTranslation();
  const rows = [...labs].sort(
    (a, b) =>
      Number(isAbnormalFlag(b.flag)) - Number(isAbnormalFlag(a.flag)) ||
      a.name.localeCompare(b.name, i18n.language),
  );
  const columns: TableColumnsType<Observation> = [
    {
      key: 'name',
      title: t('record.summary.item'),
      render: (_, o) => (
        <Link to={trendSearch(o.code)} aria-label={t('record.summary.showTrend', { name: o.name })}>
          {o.name}
        </Link>
      ),
    },
    {
      key: 'value',
      title: t('record.summary.value'),
      render: (_, o) => (
        <ObservationValue value={o.value} valueText={o.valueText} unit={o.unit} flag={o.flag} />
      ),
    },
    {
      key: 'reference',
      title: t('record.summary.reference'),
      className: 'nowrap',
      render: (_, o) => formatRange(o.referenceLow, o.referenceHigh, o.referenceText, i18n.language),
    },
    {
      key: 'time',
      title: t('record.summary.time'),
      className: 'nowrap',
      render: (_, o) => formatDay(o.effectiveAt, i18n.language),
    },
    {
      key: 'source',
      title: t('record.summary.source'),
      render: (_, o) => (
        <SourceTag source={o.source} sourceOrg={o.sourceOrg} recordedBy={o.recordedBy?.name} />
      ),
    },
  ];
  return (
    <RecordCard title={t('record.summary.labs')} testId="summary-labs">
      {rows.length === 0 ? (
        <RecordEmpty text={t('record.summary.noLabs')} />
      ) : (
        <Table<Observation>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 12 ? { pageSize: 12, size: 'small', hideOnSinglePage: true } : false}
          rowClassName={(o) => (isAbnormalFlag(o.flag) ? 'record-row--flagged' : '')}
        />
      )}
    </RecordCard>
  );
}
