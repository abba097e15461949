import type { Reading } from '@careloop/contracts';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { flagView } from '../../records/lib/flags';
import { formatReading } from '../lib/monitoring-format';

/** A reading's flag as arrow + word in colour: "↑ 偏高". Nothing for a normal reading. */
export function ReadingFlag({ flag }: { flag: Reading['flag'] }) {
  const { t } = useTranslation();
  const view = flagView(flag);
  if (!view || !view.abnormal) return null;
  return (
    <span className={`reading-flag reading-flag--${view.tone}`} data-flag={flag}>
      <span aria-hidden>{view.arrow} </span>
      {t(view.labelKey)}
    </span>
  );
}

/** The readings behind an alert, newest first: time, value, flag, context and where it came from. */
export function AlertReadings({ readings }: { readings: Reading[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...readings].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const columns: TableColumnsType<Reading> = [
    {
      title: t('alerts.readings.time'),
      key: 'time',
      render: (_, r) => <time dateTime={r.takenAt}>{formatDateTime(r.takenAt, i18n.language)}</time>,
    },
    {
      title: t('alerts.readings.value'),
      key: 'value',
      render: (_, r) => (
        <span className="reading-value">
          <Typography.Text strong>{formatReading(r, i18n.language)}</Typography.Text>{' '}
          <ReadingFlag flag={r.flag} />
          {r.context ? (
            <Typography.Text type="secondary" className="reading-value__context">
              {t(`monitoring.glucoseContexts.${r.context}`)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('alerts.readings.source'),
      key: 'source',
      render: (_, r) => t(`record.sources.${r.source}`),
    },
  ];
  return (
    <Table<Reading>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={sorted}
      pagination={sorted.length > 10 ? { pageSize: 10, size: 'small', hideOnSinglePage: true } : false}
      locale={{ emptyText: t('alerts.readings.empty') }}
      data-testid="alert-readings"
    />
  );
}
