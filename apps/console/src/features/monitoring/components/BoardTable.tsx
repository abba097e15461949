import type { BoardRow } from '@careloop/contracts';
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBp, formatMmol, formatPercent } from '../lib/monitoring-format';
import { PatientMonitoringLink, TimeSince } from './AlertBits';
import { BoardStatusTag } from './MonitoringTags';

const rowProps = (row: BoardRow) =>
  ({ 'data-testid': 'board-row', 'data-status': row.status }) as HTMLAttributes<HTMLElement>;

/** Patients on remote monitoring, most at risk first (the server's order). */
export function BoardTable({
  rows,
  loading,
  emptyText,
}: {
  rows: BoardRow[];
  loading: boolean;
  emptyText: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableColumnsType<BoardRow> = [
    {
      title: t('monitoringBoard.patient'),
      key: 'patient',
      render: (_, row) => <PatientMonitoringLink patientId={row.patientId} name={row.patientName} />,
    },
    {
      title: t('monitoringBoard.status'),
      key: 'status',
      width: 120,
      render: (_, row) => <BoardStatusTag status={row.status} />,
    },
    {
      title: t('monitoringBoard.openAlerts'),
      key: 'alerts',
      width: 150,
      render: (_, row) =>
        row.urgentAlerts + row.warningAlerts === 0 ? (
          none
        ) : (
          <Space size={4} wrap>
            {row.urgentAlerts > 0 ? (
              <Tag color="red">{t('monitoringBoard.urgentCount', { count: row.urgentAlerts })}</Tag>
            ) : null}
            {row.warningAlerts > 0 ? (
              <Tag color="warning">{t('monitoringBoard.warningCount', { count: row.warningAlerts })}</Tag>
            ) : null}
          </Space>
        ),
    },
    {
      title: t('monitoringBoard.lastReading'),
      key: 'last',
      width: 150,
      render: (_, row) => (
        <span className="board-last">
          <TimeSince at={row.lastReadingAt} />
          {row.daysWithoutReading !== null && row.daysWithoutReading >= 2 ? (
            <Typography.Text type={row.status === 'missing-data' ? 'danger' : 'secondary'}>
              {t('monitoringBoard.daysWithout', { count: row.daysWithoutReading })}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('monitoringBoard.bp'),
      key: 'bp',
      width: 170,
      render: (_, row) =>
        row.bp ? (
          <span className="board-metric">
            <span>
              {formatBp(row.bp.systolic, row.bp.diastolic, lang)} <span className="unit">mmHg</span>
            </span>
            <Typography.Text type="secondary">
              {t('monitoringBoard.inTarget', { percent: formatPercent(row.bp.inTargetPercent, lang) })}
            </Typography.Text>
          </span>
        ) : (
          none
        ),
    },
    {
      title: t('monitoringBoard.glucose'),
      key: 'glucose',
      width: 170,
      render: (_, row) =>
        row.glucose ? (
          <span className="board-metric">
            <span>
              {formatMmol(row.glucose.meanMmolPerL, lang)} <span className="unit">mmol/L</span>
            </span>
            <Typography.Text type="secondary">
              {t('monitoringBoard.tir', { percent: formatPercent(row.glucose.inRangePercent, lang) })}
            </Typography.Text>
          </span>
        ) : (
          none
        ),
    },
    {
      title: t('monitoringBoard.metrics'),
      key: 'metrics',
      width: 200,
      render: (_, row) =>
        row.metrics.length ? (
          <span className="board-metrics">
            {row.metrics
              .map((m) => t(`monitoring.metrics.${m}`))
              .join(i18n.language === 'zh-CN' ? '、' : ', ')}
          </span>
        ) : (
          none
        ),
    },
  ];

  return (
    <Table<BoardRow>
      rowKey="patientId"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      onRow={rowProps}
      locale={{ emptyText }}
      scroll={{ x: 1000 }}
    />
  );
}
