import { ArrowLeftOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { useCareTeam, usePatient } from '../hooks/use-patients';
import { AccessDenied } from './AccessDenied';
import { BreakGlassBanner } from './BreakGlassBanner';
import { CareTeamCard } from './CareTeamCard';
import { useStaffMe } from '../../auth/hooks/use-me';
import { DemographicsCard } from './DemographicsCard';

export function PatientProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const careTeam = useCareTeam(id, patient.isSuccess);
  const me = useStaffMe();

  if (patient.isPending) return <FullPageSpin />;
  if (patient.isError) {
    // The server answers 404 for a record outside the org and 403 for one without a care relationship;
    // both get the same page, so the answer never tells which patients exist.
    if (isApiError(patient.error, 'ACCESS_DENIED', 'PATIENT_NOT_FOUND'))
      return <AccessDenied patientId={id} />;
    return <QueryError error={patient.error} onRetry={() => void patient.refetch()} />;
  }
  const profile = patient.data;
  const onTeam = careTeam.data?.some((m) => m.staffId === me.accountId) ?? false;

  return (
    <>
      <Link to="/patients" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('profile.back')}
      </Link>
      <PageTitle>{profile.name}</PageTitle>
      <BreakGlassBanner profile={profile} careTeam={careTeam.data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <DemographicsCard profile={profile} canEdit={onTeam} />
        </Col>
        <Col xs={24} xl={9}>
          <CareTeamCard
            patientId={id}
            careTeam={careTeam}
            canManage={onTeam || me.roles.includes('org_admin')}
          />
        </Col>
      </Row>
    </>
  );
}
