import type { PatientFollowUpTask } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../records/components/format.ts';

/** The follow-up advice the rules gave for a report (检后随访): what to do and by when. */
export function FollowUpTasks({ tasks }: { tasks: readonly PatientFollowUpTask[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="followup-title" data-testid="checkup-followup">
      <h2 id="followup-title">{t('checkups.followUpTitle')}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{t('checkups.followUpEmpty')}</p>
      ) : (
        <ul className="attention-list">
          {tasks.map((task) => (
            <li key={task.id} style={{ padding: '8px 0' }} data-testid="followup-task">
              <p className="item-title" style={{ display: 'flex' }}>
                <span>{task.title}</span>
                <Tag color={task.status === 'open' ? 'primary' : 'default'} fill="outline">
                  {t(`checkups.taskStatus.${task.status}`)}
                </Tag>
                {task.priority === 'urgent' || task.priority === 'critical' ? (
                  <Tag color="danger" fill="solid">
                    {t(`checkups.priority.${task.priority}`)}
                  </Tag>
                ) : null}
                {task.overdue && task.status === 'open' && (
                  <Tag color="danger" fill="outline">
                    {t('checkups.overdue')}
                  </Tag>
                )}
              </p>
              <p>{task.advice}</p>
              {task.status === 'open' && (
                <p className="muted">{t('checkups.dueBy', { date: formatDay(task.dueAt, i18n.language) })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
