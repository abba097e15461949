import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { ADMIN_ROLES, PATIENT_ROLES } from '../../auth/roles';
import { WaitingConsultationsCard } from '../../consultations/components/WaitingConsultationsCard';
import { CONSULT_ROLES } from '../../consultations/roles';
import { TodayAppointmentsCard } from '../../scheduling/components/TodayAppointmentsCard';
import { APPOINTMENT_ROLES } from '../../scheduling/roles';
import { MyPatientsCard } from './MyPatientsCard';
import { RecentBreakGlassCard } from './RecentBreakGlassCard';

/** What exists for this person now; no invented numbers, and an honest word about what is not built yet. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useStaffMe();
  const seesPatients = hasAnyRole(me, PATIENT_ROLES);
  const isAdmin = hasAnyRole(me, ADMIN_ROLES);
  const consults = hasAnyRole(me, CONSULT_ROLES);
  const appointments = hasAnyRole(me, APPOINTMENT_ROLES);

  return (
    <>
      <PageTitle>{t('workbench.greeting', { name: me.displayName })}</PageTitle>
      <Row gutter={[16, 16]}>
        {consults ? (
          <Col span={24}>
            <WaitingConsultationsCard />
          </Col>
        ) : null}
        {appointments ? (
          <Col span={24}>
            <TodayAppointmentsCard />
          </Col>
        ) : null}
        {seesPatients ? (
          <Col xs={24} xl={isAdmin ? 12 : 24}>
            <MyPatientsCard />
          </Col>
        ) : null}
        {isAdmin ? (
          <Col xs={24} xl={seesPatients ? 12 : 24}>
            <RecentBreakGlassCard />
          </Col>
        ) : null}
        <Col span={24}>
          <Alert type="info" showIcon title={t('workbench.comingSoon')} />
        </Col>
      </Row>
    </>
  );
}
