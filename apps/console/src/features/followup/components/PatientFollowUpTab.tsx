import { Button, Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useWorklist } from '../hooks/use-worklist';
import { pinCritical } from '../lib/outcomes';
import '../followup.css';
import { TaskTable } from './TaskTable';

/** A patient's follow-up tasks: the open ones to act on, then those done or cancelled with their outcomes. */
export function PatientFollowUpTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const worklist = useWorklist({ view: 'all', assignee: 'any', patientId });
  const tasks = worklist.data?.pages.flatMap((page) => page.items) ?? [];
  const open = pinCritical(tasks.filter((task) => task.status === 'open'));
  const closed = tasks.filter((task) => task.status !== 'open');

  if (worklist.isPending) return <Skeleton active />;
  if (worklist.isError) return <QueryError error={worklist.error} onRetry={() => void worklist.refetch()} />;

  return (
    <div className="followup-tab" data-testid="patient-followup">
      <Card title={<h2 className="card-heading">{t('followUp.openTasks', { count: open.length })}</h2>}>
        <TaskTable
          tasks={open}
          loading={worklist.isFetching}
          emptyText={t('followUp.patientNoOpen')}
          showPatient={false}
        />
      </Card>
      <Card title={<h2 className="card-heading">{t('followUp.closedTasks', { count: closed.length })}</h2>}>
        <TaskTable
          tasks={closed}
          loading={false}
          emptyText={t('followUp.patientNoClosed')}
          showPatient={false}
        />
      </Card>
      {worklist.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void worklist.fetchNextPage()} loading={worklist.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
