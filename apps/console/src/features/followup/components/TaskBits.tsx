import type { FollowUpPriority, FollowUpTask } from '@careloop/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayUnit, flagArrow, formatNumber, isAbnormal } from '../../checkups/lib/checkup-format';
import { dueState, formatDay } from '../lib/due';
import { PRIORITY_COLORS } from '../lib/outcomes';

/** Priority as a coloured tag that also says it in words (critical is red, never colour alone). */
export function PriorityTag({ priority }: { priority: FollowUpPriority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLORS[priority]} data-priority={priority}>
      {priority === 'critical' ? '!! ' : ''}
      {t(`followUp.priority.${priority}`)}
    </Tag>
  );
}

/** "3 天后到期" / "逾期 2 天" (red) with the date below. */
export function DueDate({ dueAt, overdue }: Pick<FollowUpTask, 'dueAt' | 'overdue'>) {
  const { t, i18n } = useTranslation();
  const state = dueState(dueAt, overdue);
  let text: string;
  switch (state.kind) {
    case 'overdue':
      text =
        state.days === 0 ? t('followUp.due.overdueToday') : t('followUp.due.overdue', { count: state.days });
      break;
    case 'today':
      text = t('followUp.due.today');
      break;
    case 'tomorrow':
      text = t('followUp.due.tomorrow');
      break;
    case 'later':
      text = t('followUp.due.inDays', { count: state.days });
      break;
  }
  return (
    <span className="followup-due" data-overdue={state.kind === 'overdue'}>
      <Typography.Text
        type={state.kind === 'overdue' ? 'danger' : undefined}
        strong={state.kind === 'overdue'}
      >
        {text}
      </Typography.Text>
      <Typography.Text type="secondary" className="followup-due__date">
        {formatDay(dueAt, i18n.language)}
      </Typography.Text>
    </span>
  );
}

/** The result that set the task off: "空腹血糖 6.5 mmol/L ↑ 偏高". */
export function TriggerValue({ observation }: { observation: FollowUpTask['observation'] }) {
  const { t } = useTranslation();
  if (!observation) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const value =
    observation.value !== null
      ? `${formatNumber(observation.value)}${observation.unit ? ` ${displayUnit(observation.unit)}` : ''}`
      : (observation.valueText ?? '');
  const abnormal = isAbnormal(observation.flag);
  return (
    <span className="followup-trigger">
      <span>{observation.name}</span>{' '}
      <Typography.Text strong type={abnormal ? 'danger' : undefined}>
        {value}
        {observation.flag && abnormal
          ? ` ${flagArrow(observation.flag)} ${t(`checkupReport.flags.${observation.flag}`)}`
          : ''}
      </Typography.Text>
    </span>
  );
}
