import type { EffectiveMonitoringRule } from '@careloop/contracts';
import {
  App,
  Button,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { formatNumber } from '../../records/lib/format';
import { useResetRule, useRules } from '../hooks/use-patient-monitoring';
import { METRIC_UNITS, comparisonSign } from '../lib/rule-params';
import { MonitoringCard, MonitoringEmpty } from './MonitoringCard';
import { SeverityTag } from './MonitoringTags';
import { RuleOverrideModal } from './RuleOverrideModal';

const rowProps = (rule: EffectiveMonitoringRule) =>
  ({
    'data-testid': 'rule-row',
    'data-rule-key': rule.key,
    'data-overridden': rule.overridden,
  }) as HTMLAttributes<HTMLElement>;

/** The rules watching this patient's readings: the guideline defaults, and where their doctor changed one. */
export function RulesCard({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules(patientId);
  const reset = useResetRule(patientId);
  const [editing, setEditing] = useState<EffectiveMonitoringRule | null>(null);
  const lang = i18n.language;

  async function resetRule(rule: EffectiveMonitoringRule) {
    try {
      await reset.mutateAsync(rule.key);
      void message.success(t('monitoringRules.resetDone'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  /** "≥ 180 mmHg · 且 舒张压 ≥ 110 mmHg · 连续 3 次 · 7 天内 · 上升" */
  function parameters(rule: EffectiveMonitoringRule): string {
    const unit = METRIC_UNITS[rule.metric];
    const parts: string[] = [];
    if (rule.value !== null) {
      const sign =
        rule.kind === 'trend' || rule.kind === 'rate-of-change' ? '' : comparisonSign(rule.comparison);
      parts.push(`${sign ? `${sign} ` : ''}${formatNumber(rule.value, lang)} ${unit}`);
    }
    if (rule.companionMetric && rule.companionValue !== null) {
      parts.push(
        t('monitoringRules.companion', {
          metric: t(`monitoring.metrics.${rule.companionMetric}`),
          value:
            `${comparisonSign(rule.comparison)} ${formatNumber(rule.companionValue, lang)} ${METRIC_UNITS[rule.companionMetric]}`.trim(),
        }),
      );
    }
    if (rule.count !== null) parts.push(t('monitoringRules.countValue', { count: rule.count }));
    if (rule.days !== null) parts.push(t('monitoringRules.daysValue', { count: rule.days }));
    if (rule.direction) parts.push(t(`monitoringRules.directions.${rule.direction}`));
    return parts.join(' · ');
  }

  const columns: TableColumnsType<EffectiveMonitoringRule> = [
    {
      title: t('monitoringRules.rule'),
      key: 'rule',
      render: (_, rule) => (
        <span className="rule-cell">
          <Typography.Text strong={rule.enabled} delete={!rule.enabled}>
            {rule.description}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t(`monitoring.metrics.${rule.metric}`)} · {t(`monitoring.ruleKinds.${rule.kind}`)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('monitoringRules.parameters'),
      key: 'parameters',
      width: 220,
      render: (_, rule) => parameters(rule) || t('common.none'),
    },
    {
      title: t('monitoringRules.severity'),
      key: 'severity',
      width: 100,
      render: (_, rule) => <SeverityTag severity={rule.severity} />,
    },
    {
      title: t('monitoringRules.enabled'),
      key: 'enabled',
      width: 90,
      render: (_, rule) =>
        rule.enabled ? t('common.yes') : <Typography.Text type="danger">{t('common.no')}</Typography.Text>,
    },
    {
      title: t('monitoringRules.source'),
      key: 'source',
      width: 200,
      render: (_, rule) => (
        <span className="rule-cell">
          {rule.overridden ? (
            <>
              <Tag color="purple" data-testid="rule-overridden">
                {t('monitoringRules.overridden')}
              </Tag>
              <Typography.Text type="secondary">
                {[rule.overriddenBy, formatDateTime(rule.overriddenAt, lang)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </>
          ) : (
            <Tag>{t('monitoringRules.default')}</Tag>
          )}
          <Typography.Text type="secondary" className="rule-source">
            {rule.source}
          </Typography.Text>
        </span>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, rule: EffectiveMonitoringRule) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  onClick={() => setEditing(rule)}
                  aria-label={t('monitoringRules.editFor', { rule: rule.description })}
                  data-testid="rule-edit"
                >
                  {t('common.edit')}
                </Button>
                {rule.overridden ? (
                  <Popconfirm
                    title={t('monitoringRules.resetConfirm')}
                    okText={t('monitoringRules.reset')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => resetRule(rule)}
                  >
                    <Button
                      size="small"
                      aria-label={t('monitoringRules.resetFor', { rule: rule.description })}
                      data-testid="rule-reset"
                    >
                      {t('monitoringRules.reset')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  let body;
  if (rules.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (rules.isError) body = <QueryError error={rules.error} onRetry={() => void rules.refetch()} />;
  else if (rules.data.length === 0) body = <MonitoringEmpty text={t('monitoringRules.none')} />;
  else
    body = (
      <Table<EffectiveMonitoringRule>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rules.data}
        pagination={false}
        onRow={rowProps}
        scroll={{ x: 960 }}
      />
    );

  return (
    <MonitoringCard title={t('monitoringRules.title')} testId="monitoring-rules">
      {body}
      {canEdit ? null : (
        <Typography.Paragraph type="secondary" className="monitoring-note">
          {t('monitoringRules.doctorsOnly')}
        </Typography.Paragraph>
      )}
      {editing ? (
        <RuleOverrideModal patientId={patientId} rule={editing} onClose={() => setEditing(null)} />
      ) : null}
    </MonitoringCard>
  );
}
