import type { CheckupReportDetail } from '@careloop/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { DownlandOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { saveFile } from '../../records/api/http.ts';
import { formatDay } from '../../records/components/format.ts';
import { ActingFor, RecordFrame, type RecordContext } from '../../records/components/RecordFrame.tsx';
import { FlagTag } from '../../records/components/RecordTags.tsx';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { fetchCheckupPdf } from '../api/checkups.api.ts';
import { useCheckupReport } from '../hooks/useCheckups.ts';
import { abnormalItems, packageName } from '../lib/checkup-text.ts';
import { CheckupItemCard, useItemText } from './CheckupItemCard.tsx';
import { FollowUpTasks } from './FollowUpTasks.tsx';
import '../checkups.css';

function ReportSummary({ patientId, detail }: { patientId: string; detail: CheckupReportDetail }) {
  const { t, i18n } = useTranslation();
  const { report } = detail;
  const pdf = useMutation({
    mutationFn: async () => {
      const file = await fetchCheckupPdf(patientId, report.id, i18n.language);
      saveFile(file);
      return file.name;
    },
  });
  const facts: [string, string | null][] = [
    [t('checkups.center'), report.center],
    [t('checkups.package'), packageName(report, i18n.language)],
  ];
  return (
    <section className="card" aria-labelledby="report-summary-title">
      <h2 id="report-summary-title" className="sr-only">
        {t('checkups.reportTitle', { date: formatDay(report.performedAt, i18n.language) })}
      </h2>
      <dl className="facts">
        {facts
          .filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {report.conclusion && (
        <div style={{ marginTop: 8 }}>
          <h3 className="field-label">{t('checkups.conclusion')}</h3>
          <p>{report.conclusion}</p>
        </div>
      )}
      <p style={{ marginTop: 8 }}>
        {report.abnormalCount > 0
          ? t('checkups.abnormalCount', { count: report.abnormalCount })
          : t('checkups.allNormal')}
        {' · '}
        {t('checkups.itemCount', { count: report.itemCount })}
      </p>
      {pdf.isSuccess && <Notice tone="success">{t('checkups.downloaded', { name: pdf.data })}</Notice>}
      <ErrorNotice error={pdf.error} />
      <div className="actions">
        <Button
          color="primary"
          loading={pdf.isPending}
          onClick={() => pdf.mutate()}
          data-testid="checkup-pdf"
        >
          <DownlandOutline aria-hidden="true" /> {t('checkups.downloadPdf')}
        </Button>
      </div>
    </section>
  );
}

function AllItems({ detail }: { detail: CheckupReportDetail }) {
  const { t } = useTranslation();
  const text = useItemText();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="all-items-title" className="stack">
      <h2 id="all-items-title">{t('checkups.allItemsTitle', { count: detail.items.length })}</h2>
      <Button
        fill="outline"
        aria-expanded={open}
        aria-controls="all-items-list"
        onClick={() => setOpen((o) => !o)}
        data-testid="checkup-show-all"
      >
        {open ? t('checkups.hideAll') : t('checkups.showAll')}
      </Button>
      {open && (
        <ul className="all-items" id="all-items-list" data-testid="checkup-all-items">
          {detail.items.map((item) => (
            <li key={item.id}>
              <span>{item.name}</span>
              <span className="all-items-value">
                {text.value(item)}
                <FlagTag flag={item.flag} />
              </span>
              {text.reference(item) && (
                <span className="muted" style={{ flexBasis: '100%' }}>
                  {text.reference(item)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportBody({ patientId, acting, reportId }: RecordContext & { reportId: string }) {
  const { t } = useTranslation();
  const report = useCheckupReport(patientId, reportId);
  if (report.isPending) return <Loading />;
  if (report.error) {
    return report.error instanceof ApiError && report.error.status === 404 ? (
      <Notice tone="error">{t('checkups.notFound')}</Notice>
    ) : (
      <ErrorNotice error={report.error} />
    );
  }
  const detail = report.data;
  const abnormal = abnormalItems(detail.items);
  return (
    <>
      <ActingFor acting={acting} />
      <ReportSummary patientId={patientId} detail={detail} />
      <section aria-labelledby="abnormal-title" className="stack" data-testid="checkup-abnormal">
        <h2 id="abnormal-title">{t('checkups.abnormalTitle', { count: abnormal.length })}</h2>
        {abnormal.length === 0 && <p className="muted">{t('checkups.noAbnormal')}</p>}
        {abnormal.map((item) => (
          <CheckupItemCard key={item.id} item={item} />
        ))}
      </section>
      <FollowUpTasks tasks={detail.followUpTasks} />
      <AllItems detail={detail} />
      <p className="muted">{t('checkups.disclaimer')}</p>
    </>
  );
}

/** One checkup explained: abnormal items first with what they mean and what to do, follow-up advice, all items, PDF. */
export function CheckupReportPage() {
  const { t, i18n } = useTranslation();
  const { reportId = '' } = useParams();
  const { patientId } = useRecordPatient();
  // The same query the body reads (one request): the page is titled by the checkup's date once it is known.
  const performedAt = useCheckupReport(patientId, reportId || undefined).data?.report.performedAt;
  const title = performedAt
    ? t('checkups.reportTitle', { date: formatDay(performedAt, i18n.language) })
    : t('checkups.title');
  return (
    <RecordFrame title={title} backTo="/records/checkups">
      {(record) => <ReportBody key={`${record.patientId}-${reportId}`} {...record} reportId={reportId} />}
    </RecordFrame>
  );
}
