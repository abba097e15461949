import { Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useRecordSummary } from '../hooks/use-record';
import '../records.css';
import { SummaryAbnormalCard } from './SummaryAbnormalCard';
import { SummaryLabsCard } from './SummaryLabsCard';
import { SummaryLifestyleCard } from './SummaryLifestyleCard';
import { SummaryAllergiesCard, SummaryMedicationsCard, SummaryProblemsCard } from './SummaryListCards';
import { SummaryVitalsCard } from './SummaryVitalsCard';

/** The 360 view: what is wrong now first (abnormal items, vitals), then problems, drugs, allergies, labs, habits. */
export function RecordSummaryTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const summary = useRecordSummary(patientId);

  if (summary.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = summary.data;

  return (
    <div className="record-summary" data-testid="record-summary">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <SummaryAbnormalCard items={data.abnormalItems} />
        </Col>
        <Col xs={24} xl={14}>
          <SummaryVitalsCard vitals={data.latestVitals} labs={data.latestLabs} />
        </Col>
        <Col xs={24} lg={8}>
          <SummaryProblemsCard conditions={data.activeConditions} />
        </Col>
        <Col xs={24} lg={8}>
          <SummaryMedicationsCard medications={data.currentMedications} />
        </Col>
        <Col xs={24} lg={8}>
          <SummaryAllergiesCard allergies={data.allergies} />
        </Col>
        <Col xs={24} xl={16}>
          <SummaryLabsCard labs={data.latestLabs} />
        </Col>
        <Col xs={24} xl={8}>
          <SummaryLifestyleCard lifestyle={data.lifestyle} />
        </Col>
      </Row>
      <p className="muted record-summary__counts">
        {t('record.summary.counts', {
          observations: data.counts.observations,
          documents: data.counts.documents,
        })}
      </p>
    </div>
  );
}
