import type { FollowUpTask } from '@careloop/contracts';
import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { useStaffMe } from '../../auth/hooks/use-me';
import { useTaskAction } from '../hooks/use-worklist';
import { AssignTaskModal } from './AssignTaskModal';
import { CancelTaskModal } from './CancelTaskModal';
import { CompleteTaskModal } from './CompleteTaskModal';
import { DueDate, PriorityTag, TriggerValue } from './TaskBits';

type Dialog = { kind: 'complete' | 'assign' | 'cancel'; task: FollowUpTask } | null;

const rowProps = (task: FollowUpTask) =>
  ({ 'data-testid': 'task-row', 'data-priority': task.priority }) as HTMLAttributes<HTMLElement>;

/**
 * Follow-up tasks with what to do about each: complete (outcome and note), take it, hand it on, or cancel it.
 * Shared by the worklist (with the patient column) and a patient's follow-up tab (without).
 */
export function TaskTable({
  tasks,
  loading,
  emptyText,
  showPatient,
}: {
  tasks: FollowUpTask[];
  loading: boolean;
  emptyText: string;
  showPatient: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useStaffMe();
  const action = useTaskAction();
  const [dialog, setDialog] = useState<Dialog>(null);

  async function takeTask(task: FollowUpTask) {
    try {
      await action.mutateAsync({ kind: 'assign', task, assigneeId: me.accountId });
      void message.success(t('followUp.takenByMe'));
    } catch (error) {
      if (isApiError(error) && error.status === 409) void message.warning(t('errors.versionConflict'));
      else void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<FollowUpTask> = [
    ...(showPatient
      ? [
          {
            title: t('followUp.patient'),
            key: 'patient',
            width: 120,
            render: (_: unknown, task: FollowUpTask) => (
              <span className="followup-patient">
                <Link to={`/patients/${task.patient.id}`}>{task.patient.name}</Link>
                <Typography.Text type="secondary">{task.patient.mrn}</Typography.Text>
              </span>
            ),
          },
        ]
      : []),
    {
      title: t('followUp.task'),
      key: 'task',
      // Priority rides with the title (a critical task says so in words and red), so the row stays readable at
      // 1280 px without a column of its own.
      render: (_, task) => (
        <span className="followup-task">
          <span className="followup-task__tags">
            <PriorityTag priority={task.priority} />
            <Tag>{t(`followUp.kinds.${task.kind}`)}</Tag>
            {task.department ? <Typography.Text type="secondary">{task.department}</Typography.Text> : null}
          </span>
          <Typography.Text strong>{task.title}</Typography.Text>
          <Typography.Paragraph
            type="secondary"
            className="followup-task__advice"
            ellipsis={{
              rows: 2,
              expandable: 'collapsible',
              symbol: (open) => (open ? t('followUp.less') : t('followUp.moreText')),
            }}
          >
            {task.advice}
          </Typography.Paragraph>
        </span>
      ),
    },
    {
      title: t('followUp.trigger'),
      key: 'trigger',
      width: 170,
      render: (_, task) => <TriggerValue observation={task.observation} />,
    },
    {
      title: t('followUp.dueOrOutcome'),
      key: 'due',
      width: 180,
      render: (_, task) =>
        task.status === 'open' ? (
          <DueDate dueAt={task.dueAt} overdue={task.overdue} />
        ) : (
          <span className="followup-outcome" data-testid="task-outcome">
            <Tag color={task.status === 'done' ? 'success' : 'default'}>
              {task.status === 'done' && task.outcome
                ? t(`followUp.outcomes.${task.outcome}`)
                : t(`followUp.status.${task.status}`)}
            </Tag>
            {task.outcomeNote ? <span className="followup-outcome__note">{task.outcomeNote}</span> : null}
            <Typography.Text type="secondary">
              {[task.completedBy?.name, formatDateTime(task.completedAt, i18n.language)]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </span>
        ),
    },
    {
      title: t('followUp.assignee'),
      key: 'assignee',
      width: 110,
      render: (_, task) =>
        task.assignee ? (
          task.assignee.id === me.accountId ? (
            <Tag color="blue">{t('followUp.me')}</Tag>
          ) : (
            task.assignee.name
          )
        ) : (
          <Typography.Text type="secondary">{t('followUp.unassigned')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, task) =>
        task.status !== 'open' ? null : (
          <Space size={4} wrap>
            <Button
              size="small"
              type="primary"
              data-testid="task-complete"
              aria-label={t('followUp.completeFor', { title: task.title, name: task.patient.name })}
              onClick={() => setDialog({ kind: 'complete', task })}
            >
              {t('followUp.complete')}
            </Button>
            {task.assignee?.id !== me.accountId ? (
              <Button size="small" onClick={() => void takeTask(task)} data-testid="task-take">
                {t('followUp.takeTask')}
              </Button>
            ) : null}
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'assign', label: t('followUp.reassign') },
                  { key: 'cancel', label: t('followUp.cancelTask'), danger: true },
                ],
                onClick: ({ key }) => setDialog({ kind: key === 'assign' ? 'assign' : 'cancel', task }),
              }}
            >
              <Button
                size="small"
                aria-label={t('followUp.moreFor', { title: task.title, name: task.patient.name })}
              >
                {t('followUp.more')} <DownOutlined aria-hidden />
              </Button>
            </Dropdown>
          </Space>
        ),
    },
  ];

  return (
    <>
      <Table<FollowUpTask>
        rowKey="id"
        columns={columns}
        dataSource={tasks}
        loading={loading}
        pagination={false}
        onRow={rowProps}
        rowClassName={(task) =>
          task.status === 'open' && task.priority === 'critical' ? 'followup-row--critical' : ''
        }
        locale={{ emptyText }}
        scroll={{ x: showPatient ? 940 : 820 }}
      />
      {dialog?.kind === 'complete' ? (
        <CompleteTaskModal task={dialog.task} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'assign' ? (
        <AssignTaskModal task={dialog.task} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'cancel' ? (
        <CancelTaskModal task={dialog.task} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
