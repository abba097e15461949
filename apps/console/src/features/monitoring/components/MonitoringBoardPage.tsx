import type { BoardStatus } from '@careloop/contracts';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { useBoard } from '../hooks/use-board';
import { isBoardStatus } from '../lib/options';
import '../monitoring.css';
import { BoardStatusCards } from './BoardStatusCards';
import { BoardTable } from './BoardTable';

/** The population board: how many patients are in each state, and the patients, most at risk first. */
export function MonitoringBoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: BoardStatus | undefined = isBoardStatus(statusParam) ? statusParam : undefined;
  const board = useBoard(status);
  const counts = board.data?.pages[0]?.counts;
  const rows = board.data?.pages.flatMap((page) => page.items) ?? [];

  function select(next: BoardStatus | undefined) {
    setParams(next ? { status: next } : {}, { replace: true });
  }

  return (
    <>
      <PageTitle>{t('monitoringBoard.title')}</PageTitle>
      <BoardStatusCards counts={counts} selected={status} onSelect={select} />
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      <h2 className="visually-hidden">
        {status
          ? t('monitoringBoard.listOf', { status: t(`monitoring.boardStatus.${status}`) })
          : t('monitoringBoard.listAll')}
      </h2>
      <BoardTable
        rows={rows}
        loading={board.isPending || (board.isFetching && board.isPlaceholderData)}
        emptyText={status ? t('monitoringBoard.emptyStatus') : t('monitoringBoard.empty')}
      />
      {board.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void board.fetchNextPage()} loading={board.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
