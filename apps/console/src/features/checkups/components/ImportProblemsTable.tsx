import type { CheckupImportProblem } from '@careloop/contracts';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { checkupsApi } from '../api/checkups-api';
import { useImportProblems } from '../hooks/use-imports';
import { fieldLabels } from '../lib/import-fields';

const rowProps = { 'data-testid': 'problem-row' } as HTMLAttributes<HTMLElement>;

/**
 * The rows an import could not take, page by page (cursor pages: the way back is the cursors already seen), with
 * the whole list as CSV. Messages come from the server in the person's language.
 */
export function ImportProblemsTable({ jobId, problemCount }: { jobId: string; problemCount: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // cursors[i] opens page i; page 0 has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const problems = useImportProblems(jobId, cursors[page], problemCount);
  const fieldNames = t('checkupImport.fields', { returnObjects: true }) as Record<string, string>;

  const nextCursor = problems.data?.nextCursor ?? null;

  function next() {
    if (!nextCursor) return;
    setCursors((list) => [...list.slice(0, page + 1), nextCursor]);
    setPage(page + 1);
  }

  async function downloadCsv() {
    setDownloading(true);
    try {
      await checkupsApi.downloadProblems(jobId, `${t('checkupImport.problemsFileName')}.csv`);
    } catch (error) {
      void message.error(problemText(error, t));
    } finally {
      setDownloading(false);
    }
  }

  const columns: TableColumnsType<CheckupImportProblem> = [
    { title: t('checkupImport.problemFile'), dataIndex: 'fileName', key: 'fileName', ellipsis: true },
    {
      title: t('checkupImport.problemRow'),
      key: 'rowNo',
      width: 90,
      render: (_, p) => (p.rowNo === null ? t('checkupImport.wholeFile') : p.rowNo),
    },
    {
      title: t('checkupImport.problemField'),
      key: 'field',
      width: 160,
      render: (_, p) => (p.field ? fieldLabels(p.field, (key) => fieldNames[key] ?? null) : ''),
    },
    { title: t('checkupImport.problemMessage'), dataIndex: 'message', key: 'message' },
  ];

  return (
    <section className="checkup-problems" aria-labelledby="checkup-problems-heading">
      <div className="checkup-problems__head">
        <h3 id="checkup-problems-heading" className="card-heading">
          {t('checkupImport.problemsTitle', { count: problemCount })}
        </h3>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={downloading}
          onClick={() => void downloadCsv()}
          data-testid="problems-csv"
        >
          {t('checkupImport.problemsCsv')}
        </Button>
      </div>
      {problems.error ? <QueryError error={problems.error} onRetry={() => void problems.refetch()} /> : null}
      <Table<CheckupImportProblem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={problems.data?.items ?? []}
        loading={problems.isFetching}
        pagination={false}
        onRow={() => rowProps}
        locale={{ emptyText: t('checkupImport.problemsEmpty') }}
      />
      <nav className="checkup-problems__pager" aria-label={t('checkupImport.problemsPages')}>
        <Space>
          <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('checkupImport.previousPage')}
          </Button>
          <Typography.Text aria-live="polite">
            {t('checkupImport.pageNumber', { page: page + 1 })}
          </Typography.Text>
          <Button size="small" disabled={!nextCursor} onClick={next}>
            {t('checkupImport.nextPage')}
          </Button>
        </Space>
      </nav>
    </section>
  );
}
