import type { FollowUpRule } from '@careloop/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { useAnalytes } from '../../checkups/hooks/use-mappings';
import { analyteName } from '../../checkups/lib/analytes';
import { useRules, useSaveRule } from '../hooks/use-rules';
import { useConditionText } from '../hooks/use-condition-text';
import '../followup.css';
import { PriorityTag } from './TaskBits';
import { RuleModal } from './RuleModal';

const rowProps = { 'data-testid': 'rule-row' } as HTMLAttributes<HTMLElement>;

/** The organization's follow-up rules (检后随访): which results create which task, for whom, by when. */
export function FollowUpRulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const analytes = useAnalytes();
  const save = useSaveRule();
  const conditionText = useConditionText();
  // null: a new rule; a rule: an edit; undefined: no dialog.
  const [editing, setEditing] = useState<FollowUpRule | null | undefined>(undefined);
  const en = i18n.language === 'en-US';

  const itemName = (rule: FollowUpRule) =>
    rule.code === '*' ? t('followUpRules.anyItem') : analyteName(analytes.data, rule.code, i18n.language);

  async function toggle(rule: FollowUpRule, active: boolean) {
    try {
      await save.mutateAsync({ ruleId: rule.id, input: { active, version: rule.version } });
      void message.success(active ? t('followUpRules.activated') : t('followUpRules.deactivated'));
    } catch (error) {
      if (isApiError(error) && error.status === 409) void message.warning(t('errors.versionConflict'));
      else void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<FollowUpRule> = [
    {
      title: t('followUpRules.name'),
      key: 'name',
      render: (_, rule) => (
        <span className="followup-rule__name">
          <Typography.Text strong>{en ? rule.name.en : rule.name.zh}</Typography.Text>
          {rule.builtIn ? <Tag>{t('followUpRules.builtIn')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('followUpRules.condition'),
      key: 'condition',
      render: (_, rule) => (
        <span data-testid="rule-condition">{conditionText(rule.condition, itemName(rule), rule.unit)}</span>
      ),
    },
    {
      title: t('followUpRules.action'),
      key: 'action',
      width: 130,
      render: (_, rule) => (
        <span className="followup-rule__action">
          <span>{t(`followUp.kinds.${rule.kind}`)}</span>
          {rule.department ? <Typography.Text type="secondary">{rule.department}</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: t('followUpRules.dueInDays'),
      key: 'due',
      width: 110,
      render: (_, rule) =>
        rule.dueInDays === 0
          ? t('followUpRules.dueNow')
          : t('followUpRules.dueInDaysValue', { count: rule.dueInDays }),
    },
    {
      title: t('followUp.priorityLabel'),
      key: 'priority',
      width: 110,
      render: (_, rule) => <PriorityTag priority={rule.priority} />,
    },
    {
      title: t('followUpRules.notifyPatient'),
      key: 'notify',
      width: 110,
      render: (_, rule) => (rule.notifyPatient ? t('common.yes') : t('common.no')),
    },
    {
      title: t('followUpRules.active'),
      key: 'active',
      width: 90,
      render: (_, rule) => (
        <Switch
          checked={rule.active}
          loading={save.isPending && save.variables?.ruleId === rule.id}
          aria-label={t('followUpRules.activeFor', { name: en ? rule.name.en : rule.name.zh })}
          onChange={(checked) => void toggle(rule, checked)}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, rule) => (
        <Button
          size="small"
          onClick={() => setEditing(rule)}
          aria-label={`${t('common.edit')} ${en ? rule.name.en : rule.name.zh}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing(null)}
            data-testid="rule-create"
          >
            {t('followUpRules.createTitle')}
          </Button>
        }
      >
        {t('followUpRules.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('followUpRules.intro')}</Typography.Paragraph>
      {rules.error ? <QueryError error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      <Table<FollowUpRule>
        rowKey="id"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={() => rowProps}
        locale={{ emptyText: t('followUpRules.empty') }}
        scroll={{ x: 1000 }}
      />
      {editing !== undefined ? <RuleModal rule={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
