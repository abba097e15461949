import { Route, Routes } from 'react-router';
import { NotFoundPage } from './components/NotFoundPage';
import { SecurityPage } from './features/account/components/SecurityPage';
import { BreakGlassLogPage } from './features/admin/components/BreakGlassLogPage';
import { DepartmentsPage } from './features/admin/components/DepartmentsPage';
import { InvitationsPage } from './features/admin/components/InvitationsPage';
import { StaffPage } from './features/admin/components/StaffPage';
import { AuditPage } from './features/audit/components/AuditPage';
import { LoginPage } from './features/auth/components/LoginPage';
import { RequireRole } from './features/auth/components/RequireRole';
import { RequireStaff } from './features/auth/components/RequireStaff';
import { useAccountLanguage } from './features/auth/hooks/use-account-language';
import {
  ADMIN_ROLES,
  AUDIT_ROLES,
  CHECKUP_IMPORT_ROLES,
  CHECKUP_MAPPING_ROLES,
  CHECKUP_PACKAGE_ROLES,
  FOLLOW_UP_ROLES,
  FOLLOW_UP_RULE_ROLES,
  MONITORING_ROLES,
  MONITORING_SETTINGS_ROLES,
  PATIENT_ROLES,
} from './features/auth/roles';
import { ConsultationQueuePage } from './features/consultations/components/ConsultationQueuePage';
import { ConsultationSettingsPage } from './features/consultations/components/ConsultationSettingsPage';
import { ConsultationWorkspacePage } from './features/consultations/components/ConsultationWorkspacePage';
import { CallPage } from './features/call/components/CallPage';
import { CONSULT_ROLES, CONSULT_SETTINGS_ROLES } from './features/consultations/roles';
import { ReferralDetailPage } from './features/referrals/components/ReferralDetailPage';
import { ReferralsPage } from './features/referrals/components/ReferralsPage';
import { REFERRAL_ROLES } from './features/referrals/roles';
import { DISPENSING_ROLES, REACTION_ROLES } from './features/dispensing/roles';
import { DispensingPage } from './features/dispensing/components/DispensingPage';
import { ReactionsReviewPage } from './features/adherence/components/ReactionsReviewPage';
import { RefillsPage } from './features/adherence/components/RefillsPage';
import { CheckupImportPage } from './features/checkups/components/CheckupImportPage';
import { CheckupMappingsPage } from './features/checkups/components/CheckupMappingsPage';
import { CheckupPackagesPage } from './features/checkups/components/CheckupPackagesPage';
import { FollowUpRulesPage } from './features/followup/components/FollowUpRulesPage';
import { FollowUpWorklistPage } from './features/followup/components/FollowUpWorklistPage';
import { AcceptInvitationPage } from './features/invitations/components/AcceptInvitationPage';
import { AlertInboxPage } from './features/monitoring/components/AlertInboxPage';
import { MonitoringBoardPage } from './features/monitoring/components/MonitoringBoardPage';
import { MonitoringSettingsPage } from './features/monitoring/components/MonitoringSettingsPage';
import { PatientProfilePage } from './features/patients/components/PatientProfilePage';
import { PatientsPage } from './features/patients/components/PatientsPage';
import { AppLayout } from './features/shell/components/AppLayout';
import { WorkbenchPage } from './features/workbench/components/WorkbenchPage';
import { AppointmentsDayPage } from './features/scheduling/components/AppointmentsDayPage';
import { FrontDeskPage } from './features/scheduling/components/FrontDeskPage';
import { QueuePage } from './features/scheduling/components/QueuePage';
import { SchedulesPage } from './features/scheduling/components/SchedulesPage';
import { APPOINTMENT_ROLES, QUEUE_ROLES, SCHEDULE_EDIT_ROLES } from './features/scheduling/roles';
import { ReviewQueuePage } from './features/pharmacy-review/components/ReviewQueuePage';
import { FormularyPage } from './features/formulary/components/FormularyPage';
import { FORMULARY_ROLES, REVIEW_ROLES } from './features/pharmacy-review/roles';
import { DeliveryLogPage } from './features/notifications/components/DeliveryLogPage';
import { NotificationPreferencesPage } from './features/notifications/components/NotificationPreferencesPage';

export function AppRoutes() {
  useAccountLanguage();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/invite" element={<AcceptInvitationPage />} />
      <Route
        element={
          <RequireStaff>
            <AppLayout />
          </RequireStaff>
        }
      >
        <Route index element={<WorkbenchPage />} />
        <Route
          path="patients"
          element={<RequireRole roles={PATIENT_ROLES}>{<PatientsPage />}</RequireRole>}
        />
        <Route
          path="patients/:id"
          element={<RequireRole roles={PATIENT_ROLES}>{<PatientProfilePage />}</RequireRole>}
        />
        <Route
          path="pharmacy/reviews"
          element={<RequireRole roles={REVIEW_ROLES}>{<ReviewQueuePage />}</RequireRole>}
        />
        <Route
          path="pharmacy/formulary"
          element={<RequireRole roles={FORMULARY_ROLES}>{<FormularyPage />}</RequireRole>}
        />
        <Route path="admin/staff" element={<RequireRole roles={ADMIN_ROLES}>{<StaffPage />}</RequireRole>} />
        <Route
          path="admin/departments"
          element={<RequireRole roles={ADMIN_ROLES}>{<DepartmentsPage />}</RequireRole>}
        />
        <Route
          path="admin/invitations"
          element={<RequireRole roles={ADMIN_ROLES}>{<InvitationsPage />}</RequireRole>}
        />
        <Route
          path="admin/break-glass"
          element={<RequireRole roles={ADMIN_ROLES}>{<BreakGlassLogPage />}</RequireRole>}
        />
        <Route path="admin/audit" element={<RequireRole roles={AUDIT_ROLES}>{<AuditPage />}</RequireRole>} />
        <Route
          path="checkups/import"
          element={<RequireRole roles={CHECKUP_IMPORT_ROLES}>{<CheckupImportPage />}</RequireRole>}
        />
        <Route
          path="checkups/mappings"
          element={<RequireRole roles={CHECKUP_MAPPING_ROLES}>{<CheckupMappingsPage />}</RequireRole>}
        />
        <Route
          path="checkups/packages"
          element={<RequireRole roles={CHECKUP_PACKAGE_ROLES}>{<CheckupPackagesPage />}</RequireRole>}
        />
        <Route
          path="followup"
          element={<RequireRole roles={FOLLOW_UP_ROLES}>{<FollowUpWorklistPage />}</RequireRole>}
        />
        <Route
          path="admin/followup-rules"
          element={<RequireRole roles={FOLLOW_UP_RULE_ROLES}>{<FollowUpRulesPage />}</RequireRole>}
        />
        <Route
          path="alerts"
          element={<RequireRole roles={MONITORING_ROLES}>{<AlertInboxPage />}</RequireRole>}
        />
        <Route
          path="monitoring"
          element={<RequireRole roles={MONITORING_ROLES}>{<MonitoringBoardPage />}</RequireRole>}
        />
        <Route
          path="admin/monitoring"
          element={<RequireRole roles={MONITORING_SETTINGS_ROLES}>{<MonitoringSettingsPage />}</RequireRole>}
        />
        <Route
          path="consultations"
          element={<RequireRole roles={CONSULT_ROLES}>{<ConsultationQueuePage />}</RequireRole>}
        />
        <Route
          path="consultations/:id"
          element={<RequireRole roles={CONSULT_ROLES}>{<ConsultationWorkspacePage />}</RequireRole>}
        />
        <Route
          path="referrals"
          element={<RequireRole roles={REFERRAL_ROLES}>{<ReferralsPage />}</RequireRole>}
        />
        <Route
          path="referrals/:id"
          element={<RequireRole roles={REFERRAL_ROLES}>{<ReferralDetailPage />}</RequireRole>}
        />
        <Route
          path="consultations/:id/call"
          element={<RequireRole roles={CONSULT_ROLES}>{<CallPage />}</RequireRole>}
        />
        <Route
          path="admin/consultations"
          element={<RequireRole roles={CONSULT_SETTINGS_ROLES}>{<ConsultationSettingsPage />}</RequireRole>}
        />
        <Route path="queue" element={<RequireRole roles={QUEUE_ROLES}>{<QueuePage />}</RequireRole>} />
        <Route
          path="queue/:sessionId"
          element={<RequireRole roles={QUEUE_ROLES}>{<QueuePage />}</RequireRole>}
        />
        <Route
          path="appointments"
          element={<RequireRole roles={APPOINTMENT_ROLES}>{<AppointmentsDayPage />}</RequireRole>}
        />
        <Route
          path="front-desk"
          element={<RequireRole roles={APPOINTMENT_ROLES}>{<FrontDeskPage />}</RequireRole>}
        />
        <Route
          path="schedules"
          element={<RequireRole roles={SCHEDULE_EDIT_ROLES}>{<SchedulesPage />}</RequireRole>}
        />
        <Route
          path="pharmacy/dispensing"
          element={<RequireRole roles={DISPENSING_ROLES}>{<DispensingPage />}</RequireRole>}
        />
        <Route
          path="reactions"
          element={<RequireRole roles={REACTION_ROLES}>{<ReactionsReviewPage />}</RequireRole>}
        />
        <Route path="refills" element={<RequireRole roles={REACTION_ROLES}>{<RefillsPage />}</RequireRole>} />
        <Route path="account/security" element={<SecurityPage />} />
        <Route path="account/notifications" element={<NotificationPreferencesPage />} />
        <Route
          path="admin/notifications"
          element={<RequireRole roles={ADMIN_ROLES}>{<DeliveryLogPage />}</RequireRole>}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
