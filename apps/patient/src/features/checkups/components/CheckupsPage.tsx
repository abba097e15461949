import type { CheckupReportSummary } from '@careloop/contracts';
import { Button, Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { formatDay } from '../../records/components/format.ts';
import { ActingFor, RecordFrame, type RecordContext } from '../../records/components/RecordFrame.tsx';
import { useCheckups } from '../hooks/useCheckups.ts';
import { packageName } from '../lib/checkup-text.ts';
import '../checkups.css';

function ReportLink({ report }: { report: CheckupReportSummary }) {
  const { t, i18n } = useTranslation();
  const date = formatDay(report.performedAt, i18n.language);
  const pkg = packageName(report, i18n.language);
  return (
    <Link to={`/records/checkups/${report.id}`} className="checkup-link" data-testid="checkup-item">
      <span className="checkup-link-main">
        <span className="checkup-link-title">{t('checkups.reportTitle', { date })}</span>
        <span className="muted">{[report.center, pkg].filter(Boolean).join(' · ')}</span>
        <span className="checkup-badges">
          {report.abnormalCount > 0 ? (
            <Tag color="danger" fill="solid" data-testid="checkup-abnormal-count">
              {t('checkups.abnormalCount', { count: report.abnormalCount })}
            </Tag>
          ) : (
            <Tag color="success" fill="solid">
              {t('checkups.allNormal')}
            </Tag>
          )}
          <span className="muted">{t('checkups.itemCount', { count: report.itemCount })}</span>
          {report.newAbnormalCount > 0 && (
            <span className="muted">{t('checkups.newCount', { count: report.newAbnormalCount })}</span>
          )}
          {report.worseCount > 0 && (
            <span className="muted">{t('checkups.worseCount', { count: report.worseCount })}</span>
          )}
        </span>
      </span>
      <RightOutline aria-hidden="true" />
    </Link>
  );
}

function CheckupsBody({ patientId, acting }: RecordContext) {
  const { t } = useTranslation();
  const checkups = useCheckups(patientId);
  if (checkups.isPending) return <Loading />;
  if (checkups.error) return <ErrorNotice error={checkups.error} />;
  const reports = checkups.data.pages.flatMap((p) => p.items);
  if (reports.length === 0)
    return <EmptyState title={t('checkups.emptyTitle')} body={t('checkups.emptyBody')} />;
  return (
    <>
      <ActingFor acting={acting} />
      <ul className="checkup-list" aria-label={t('checkups.listLabel')}>
        {reports.map((r) => (
          <li key={r.id}>
            <ReportLink report={r} />
          </li>
        ))}
      </ul>
      {checkups.hasNextPage && (
        <Button
          block
          fill="outline"
          loading={checkups.isFetchingNextPage}
          onClick={() => void checkups.fetchNextPage()}
        >
          {t('checkups.showAll')}
        </Button>
      )}
    </>
  );
}

/** 体检报告: the patient's checkups, newest first, with how many items were abnormal. */
export function CheckupsPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('checkups.title')} backTo="/records">
      {(record) => <CheckupsBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
