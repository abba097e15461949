import type { PatientFollowUpTask } from '@careloop/contracts';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DueDate, PriorityTag } from '../../followup/components/TaskBits';
import { formatDay } from '../../followup/lib/due';

/** The follow-up tasks the rules created from a report; they are worked on in the follow-up tab and worklist. */
export function ReportFollowUpTasks({ tasks }: { tasks: PatientFollowUpTask[] }) {
  const { t, i18n } = useTranslation();
  if (tasks.length === 0) return <p className="muted">{t('checkupReport.noFollowUp')}</p>;
  return (
    <List
      dataSource={tasks}
      renderItem={(task) => (
        <List.Item data-testid="report-task">
          <div className="report-task">
            <div className="report-task__head">
              <Typography.Text strong>{task.title}</Typography.Text>
              <PriorityTag priority={task.priority} />
              <Tag>{t(`followUp.kinds.${task.kind}`)}</Tag>
              <Tag color={task.status === 'open' ? 'blue' : 'default'}>
                {t(`followUp.status.${task.status}`)}
              </Tag>
            </div>
            <Typography.Paragraph className="report-task__advice">{task.advice}</Typography.Paragraph>
            {task.status === 'open' ? (
              <DueDate dueAt={task.dueAt} overdue={task.overdue} />
            ) : (
              <Typography.Text type="secondary">
                {t('followUp.dueOn', { date: formatDay(task.dueAt, i18n.language) })}
              </Typography.Text>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
