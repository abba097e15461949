import { ArrowLeftOutlined } from '@ant-design/icons';
import { Col, Row, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { ExportRecordButtons } from '../../records/components/ExportRecordButtons';
import { ReferPatientButton } from '../../referrals/components/ReferPatientButton';
import { PrescribeButton } from '../../prescribing/components/PrescribeButton';
import { PatientHeaderStrip } from '../../records/components/PatientHeaderStrip';
import { useCareTeam, usePatient } from '../hooks/use-patients';
import { AccessDenied } from './AccessDenied';
import { BreakGlassBanner } from './BreakGlassBanner';
import { CareTeamCard } from './CareTeamCard';
import { useStaffMe } from '../../auth/hooks/use-me';
import { DemographicsCard } from './DemographicsCard';
import { DEFAULT_PATIENT_TAB, usePatientTabs } from './patient-tabs';

export function PatientProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const patient = usePatient(id);
  const careTeam = useCareTeam(id, patient.isSuccess);
  const me = useStaffMe();
  const onTeam = careTeam.data?.some((m) => m.staffId === me.accountId) ?? false;
  const profile = patient.data;
  const tabs = usePatientTabs({
    patientId: id,
    canEdit: onTeam,
    profile: profile ? (
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
    ) : null,
  });

  if (patient.isPending) return <FullPageSpin />;
  if (patient.isError) {
    // The server answers 404 for a record outside the org and 403 for one without a care relationship;
    // both get the same page, so the answer never tells which patients exist.
    if (isApiError(patient.error, 'ACCESS_DENIED', 'PATIENT_NOT_FOUND'))
      return <AccessDenied patientId={id} />;
    return <QueryError error={patient.error} onRetry={() => void patient.refetch()} />;
  }
  const loaded = patient.data;
  // The tab lives in the URL (?tab=trends&code=…), so a link or a reload opens the same view.
  const requested = params.get('tab');
  const active = tabs.some((tab) => tab.key === requested)
    ? (requested ?? DEFAULT_PATIENT_TAB)
    : DEFAULT_PATIENT_TAB;

  function select(key: string) {
    // Each tab's own parameters (code, report, kinds) belong to it: a new tab starts clean.
    setParams(key === DEFAULT_PATIENT_TAB ? {} : { tab: key });
  }

  return (
    <>
      <Link to="/patients" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('profile.back')}
      </Link>
      <PageTitle
        extra={
          <Space wrap>
            <ReferPatientButton patientId={id} />
            <PrescribeButton patientId={id} />
            <ExportRecordButtons patientId={id} name={loaded.name} />
          </Space>
        }
      >
        {loaded.name}
      </PageTitle>
      <BreakGlassBanner profile={loaded} careTeam={careTeam.data} />
      <PatientHeaderStrip patientId={id} profile={loaded} />
      <Tabs
        className="patient-tabs"
        activeKey={active}
        onChange={select}
        items={tabs}
        destroyOnHidden
        aria-label={t('record.tabs.label')}
        data-testid="patient-tabs"
      />
    </>
  );
}
