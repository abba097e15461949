import { Alert, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryError';
import { useRecordSummary } from '../../records/hooks/use-record';
import '../../records/records.css';
import { SummaryAbnormalCard } from '../../records/components/SummaryAbnormalCard';
import {
  SummaryAllergiesCard,
  SummaryMedicationsCard,
  SummaryProblemsCard,
} from '../../records/components/SummaryListCards';
import { SummaryVitalsCard } from '../../records/components/SummaryVitalsCard';

/**
 * The patient's 360 summary beside the chat: the record's own summary cards (GET /patients/:id/summary), stacked
 * in one column, allergies first since they matter for any advice. Readable once the doctor has accepted (the
 * consultation gives the care relationship).
 */
export function PatientSummaryAside({ patientId, accepted }: { patientId: string; accepted: boolean }) {
  const { t } = useTranslation();
  const summary = useRecordSummary(patientId);
  const { refetch } = summary;
  // Refused before the doctor accepted; readable right after.
  useEffect(() => {
    if (accepted) void refetch();
  }, [accepted, refetch]);

  return (
    <aside
      className="consult-summary"
      aria-labelledby="consult-summary-heading"
      data-testid="consult-summary"
    >
      <div className="consult-summary__head">
        <h2 id="consult-summary-heading" className="card-heading">
          {t('consult.workspace.summary')}
        </h2>
        <Link to={`/patients/${patientId}`} data-testid="consult-patient-record">
          {t('consult.workspace.openRecord')}
        </Link>
      </div>
      {summary.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : summary.isError ? (
        !accepted && isApiError(summary.error, 'ACCESS_DENIED', 'PATIENT_NOT_FOUND') ? (
          <Alert type="info" showIcon title={t('consult.workspace.summaryAfterAccept')} />
        ) : (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
        )
      ) : (
        <div className="consult-summary__cards">
          <SummaryAllergiesCard allergies={summary.data.allergies} />
          <SummaryProblemsCard conditions={summary.data.activeConditions} />
          <SummaryMedicationsCard medications={summary.data.currentMedications} />
          <SummaryAbnormalCard items={summary.data.abnormalItems} />
          <SummaryVitalsCard vitals={summary.data.latestVitals} labs={summary.data.latestLabs} />
        </div>
      )}
    </aside>
  );
}
