import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import '../checkups.css';
import { ImportHistoryCard } from './ImportHistoryCard';
import { ImportJobCard } from './ImportJobCard';
import { ImportUploader } from './ImportUploader';
import { TemplateCard } from './TemplateCard';

/** Checkup import: template, upload, the running job with its problems, and the recent imports. */
export function CheckupImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The job on show lives in the URL, so a reload or a shared link comes back to it.
  const jobId = params.get('job');

  function openJob(id: string) {
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set('job', id);
        return out;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageTitle>{t('checkupImport.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ImportUploader onStarted={openJob} />
        </Col>
        <Col xs={24} xl={10}>
          <TemplateCard />
        </Col>
        {jobId ? (
          <Col span={24}>
            <ImportJobCard key={jobId} jobId={jobId} />
          </Col>
        ) : null}
        <Col span={24}>
          <ImportHistoryCard selectedId={jobId} onOpen={openJob} />
        </Col>
      </Row>
    </>
  );
}
