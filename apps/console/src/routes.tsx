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
        <Route path="account/security" element={<SecurityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
