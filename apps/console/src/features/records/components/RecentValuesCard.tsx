import type { Observation } from '@careloop/contracts';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { useRecentObservations } from '../hooks/use-record';
import { useEnteredInError } from '../hooks/use-record-writes';
import { isAbnormalFlag } from '../lib/flags';
import { formatRange } from '../lib/format';
import { ObservationValue } from './FlagText';
import { SourceTag } from './SourceTag';

/** The last ten results of the item (text results too), newest first; a clinician can strike one out. */
export function RecentValuesCard({
  patientId,
  code,
  name,
  canEdit,
}: {
  patientId: string;
  code: string;
  name: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const recent = useRecentObservations(patientId, code);
  const strike = useEnteredInError(patientId);
  const rows = (recent.data ?? []).filter((o) => o.status !== 'entered_in_error');

  async function markInError(o: Observation) {
    try {
      await strike.mutateAsync(o.id);
      void message.success(t('record.trends.markedInError'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<Observation> = [
    {
      key: 'time',
      title: t('record.summary.time'),
      className: 'nowrap',
      render: (_, o) => formatDateTime(o.effectiveAt, i18n.language),
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
      render: (_, o) => formatRange(o.referenceLow, o.referenceHigh, o.referenceText, i18n.language),
    },
    {
      key: 'source',
      title: t('record.summary.source'),
      render: (_, o) => (
        <SourceTag source={o.source} sourceOrg={o.sourceOrg} recordedBy={o.recordedBy?.name} />
      ),
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, o) => (
        <Popconfirm
          title={t('record.trends.enteredInErrorConfirm')}
          okText={t('record.trends.enteredInError')}
          cancelText={t('common.cancel')}
          onConfirm={() => markInError(o)}
        >
          <Button size="small" type="link" danger>
            {t('record.trends.enteredInError')}
          </Button>
        </Popconfirm>
      ),
    });

  return (
    <Card
      size="small"
      className="record-card"
      title={
        <h3 className="card-heading">
          {t('record.trends.recent', { count: 10 })} · {name}
        </h3>
      }
    >
      <Table<Observation>
        size="small"
        rowKey="id"
        loading={recent.isPending}
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(o) => (isAbnormalFlag(o.flag) ? 'record-row--flagged' : '')}
        locale={{ emptyText: recent.isError ? problemText(recent.error, t) : t('record.sections.empty') }}
        data-testid="recent-values"
      />
    </Card>
  );
}
