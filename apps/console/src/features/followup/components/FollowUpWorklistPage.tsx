import type { WorklistView } from '@careloop/contracts';
import { Badge, Button, Segmented, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import type { AssigneeFilter } from '../api/followup-api';
import { useWorklist } from '../hooks/use-worklist';
import { pinCritical } from '../lib/outcomes';
import '../followup.css';
import { TaskTable } from './TaskTable';

const VIEWS = ['due', 'overdue', 'done'] as const satisfies readonly WorklistView[];
type View = (typeof VIEWS)[number];

/** The health manager's daily screen: tasks due, overdue and done, critical alerts first. */
export function FollowUpWorklistPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'due';
  const assignee: AssigneeFilter = params.get('assignee') === 'me' ? 'me' : 'any';
  const worklist = useWorklist({ view, assignee });
  const counts = worklist.data?.pages[0]?.counts;
  const tasks = pinCritical(worklist.data?.pages.flatMap((page) => page.items) ?? []);

  function setParam(name: string, value: string, fallback: string) {
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (value === fallback) out.delete(name);
        else out.set(name, value);
        return out;
      },
      { replace: true },
    );
  }

  const label = (v: View) => (
    <span data-testid={`tab-${v}`}>
      {t(`followUp.views.${v}`)}{' '}
      {counts ? (
        <Badge
          count={counts[v]}
          showZero
          overflowCount={999}
          color={v === 'overdue' && counts.overdue > 0 ? '#c41d1f' : '#595959'}
        />
      ) : null}
    </span>
  );

  const table = (
    <>
      {worklist.error ? <QueryError error={worklist.error} onRetry={() => void worklist.refetch()} /> : null}
      <TaskTable
        tasks={tasks}
        loading={worklist.isFetching && !worklist.isFetchingNextPage}
        emptyText={t(`followUp.empty.${view}`)}
        showPatient
      />
      {worklist.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void worklist.fetchNextPage()} loading={worklist.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );

  return (
    <>
      <PageTitle
        extra={
          <Segmented<AssigneeFilter>
            aria-label={t('followUp.assigneeFilter')}
            value={assignee}
            onChange={(value) => setParam('assignee', value, 'any')}
            options={[
              { value: 'any', label: t('followUp.assigneeAny') },
              { value: 'me', label: t('followUp.assigneeMe') },
            ]}
          />
        }
      >
        {t('followUp.title')}
      </PageTitle>
      <Tabs
        activeKey={view}
        onChange={(key) => setParam('view', key, 'due')}
        items={VIEWS.map((v) => ({ key: v, label: label(v), children: v === view ? table : null }))}
      />
    </>
  );
}
