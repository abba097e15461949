import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/api-error.ts';
import { ChangePasswordPage } from './features/account/components/ChangePasswordPage.tsx';
import { MePage } from './features/account/components/MePage.tsx';
import { SessionsPage } from './features/account/components/SessionsPage.tsx';
import { LoginPage } from './features/auth/components/LoginPage.tsx';
import { RegisterPage } from './features/auth/components/RegisterPage.tsx';
import { ResetPasswordPage } from './features/auth/components/ResetPasswordPage.tsx';
import { useMe } from './features/auth/hooks/useMe.ts';
import { ConsultPage } from './features/consult/components/ConsultPage.tsx';
import { ChatPage } from './features/consult/components/ChatPage.tsx';
import { CallPage } from './features/call/components/CallPage.tsx';
import { StartConsultPage } from './features/consult/components/StartConsultPage.tsx';
import { AddFamilyPage } from './features/family/components/AddFamilyPage.tsx';
import { FamilyPage } from './features/family/components/FamilyPage.tsx';
import { HomePage } from './features/home/components/HomePage.tsx';
import { ElderModePage } from './features/preferences/components/ElderModePage.tsx';
import { LanguagePage } from './features/preferences/components/LanguagePage.tsx';
import { useAccountPreferences } from './features/preferences/hooks/useAccountPreferences.ts';
import { ProxyPage } from './features/proxy/components/ProxyPage.tsx';
import { CheckupReportPage } from './features/checkups/components/CheckupReportPage.tsx';
import { CheckupsPage } from './features/checkups/components/CheckupsPage.tsx';
import { AddMonitoringReadingPage } from './features/monitoring/components/AddMonitoringReadingPage.tsx';
import { AppleHealthImportPage } from './features/monitoring/components/AppleHealthImportPage.tsx';
import { DevicesPage } from './features/monitoring/components/DevicesPage.tsx';
import { MonitoringPage } from './features/monitoring/components/MonitoringPage.tsx';
import { MonitoringTrendsPage } from './features/monitoring/components/MonitoringTrendsPage.tsx';
import { NotificationsPage } from './features/notifications/components/NotificationsPage.tsx';
import { NotificationSettingsPage } from './features/notification-settings/components/NotificationSettingsPage.tsx';
import { AddReadingPage } from './features/records/components/AddReadingPage.tsx';
import { DocumentsPage } from './features/records/components/DocumentsPage.tsx';
import { EntriesPage } from './features/records/components/EntriesPage.tsx';
import { EntryFormPage } from './features/records/components/EntryFormPage.tsx';
import { LifestylePage } from './features/records/components/LifestylePage.tsx';
import { ProfilePage } from './features/records/components/ProfilePage.tsx';
import { RecordsPage } from './features/records/components/RecordsPage.tsx';
import { TrendsPage } from './features/records/components/TrendsPage.tsx';
import { ServicesPage } from './features/services/components/ServicesPage.tsx';
import { ReferralDetailPage } from './features/referrals/components/ReferralDetailPage.tsx';
import { ReferralsPage } from './features/referrals/components/ReferralsPage.tsx';
import { AppLayout } from './features/shell/components/AppLayout.tsx';
import { AppointmentPage } from './features/appointments/components/AppointmentPage.tsx';
import { AppointmentsPage } from './features/appointments/components/AppointmentsPage.tsx';
import { BookPage } from './features/appointments/components/BookPage.tsx';
import { DepartmentPage } from './features/appointments/components/DepartmentPage.tsx';
import { DoctorSlotsPage } from './features/appointments/components/DoctorSlotsPage.tsx';
import { QueuePage } from './features/appointments/components/QueuePage.tsx';
import { WaitlistOfferPage } from './features/appointments/components/WaitlistOfferPage.tsx';
import { TriageChatPage } from './features/triage/components/TriageChatPage.tsx';
import { TriageStartPage } from './features/triage/components/TriageStartPage.tsx';
import { TodayMedicationsPage } from './features/medications/components/TodayMedicationsPage.tsx';
import { AdherencePage } from './features/medications/components/AdherencePage.tsx';
import { ReactionsPage } from './features/medications/components/ReactionsPage.tsx';
import { PrescriptionsPage } from './features/pharmacy/components/PrescriptionsPage.tsx';
import { OrderNewPage } from './features/pharmacy/components/OrderNewPage.tsx';
import { OrderPage } from './features/pharmacy/components/OrderPage.tsx';
import { RequireAccount, SignedOutOnly } from './features/shell/components/AuthGates.tsx';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; network trouble might.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

function AppRoutes() {
  const { data: me } = useMe();
  useAccountPreferences(me);
  return (
    <Routes>
      <Route element={<SignedOutOnly />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
      </Route>
      <Route element={<RequireAccount />}>
        <Route path="/consult/:id/call" element={<CallPage />} />
        <Route element={<AppLayout />}>
          <Route path="/home" element={<HomePage />} />
          <Route path="/consult" element={<ConsultPage />} />
          <Route path="/consult/new" element={<StartConsultPage />} />
          <Route path="/consult/:id" element={<ChatPage />} />
          <Route path="/records" element={<RecordsPage />} />
          <Route path="/records/profile" element={<ProfilePage />} />
          <Route path="/records/trends" element={<TrendsPage />} />
          <Route path="/records/readings/new" element={<AddReadingPage />} />
          <Route path="/records/checkups" element={<CheckupsPage />} />
          <Route path="/records/checkups/:reportId" element={<CheckupReportPage />} />
          <Route path="/records/lifestyle" element={<LifestylePage />} />
          <Route path="/records/documents" element={<DocumentsPage />} />
          <Route path="/records/:section" element={<EntriesPage />} />
          <Route path="/records/:section/new" element={<EntryFormPage />} />
          <Route path="/records/:section/:entryId/edit" element={<EntryFormPage />} />
          <Route path="/monitoring" element={<MonitoringPage />} />
          <Route path="/monitoring/readings/new" element={<AddMonitoringReadingPage />} />
          <Route path="/monitoring/trends" element={<MonitoringTrendsPage />} />
          <Route path="/monitoring/devices" element={<DevicesPage />} />
          <Route path="/monitoring/import" element={<AppleHealthImportPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/services" element={<ServicesPage />} />
          <Route path="/referrals" element={<ReferralsPage />} />
          <Route path="/referrals/:id" element={<ReferralDetailPage />} />
          <Route path="/triage" element={<TriageStartPage />} />
          <Route path="/triage/:id" element={<TriageChatPage />} />
          <Route path="/book" element={<BookPage />} />
          <Route path="/book/departments/:departmentId" element={<DepartmentPage />} />
          <Route path="/book/doctors/:doctorId" element={<DoctorSlotsPage />} />
          <Route path="/appointments" element={<AppointmentsPage />} />
          <Route path="/appointments/waitlist/:id" element={<WaitlistOfferPage />} />
          <Route path="/appointments/:id" element={<AppointmentPage />} />
          <Route path="/appointments/:id/queue" element={<QueuePage />} />
          <Route path="/medications/today" element={<TodayMedicationsPage />} />
          <Route path="/medications/adherence" element={<AdherencePage />} />
          <Route path="/medications/reactions" element={<ReactionsPage />} />
          <Route path="/pharmacy/prescriptions" element={<PrescriptionsPage />} />
          <Route path="/pharmacy/prescriptions/:prescriptionId/order" element={<OrderNewPage />} />
          <Route path="/pharmacy/orders/:id" element={<OrderPage />} />
          <Route path="/me" element={<MePage />} />
          <Route path="/me/family" element={<FamilyPage />} />
          <Route path="/me/family/new" element={<AddFamilyPage />} />
          <Route path="/me/proxy" element={<ProxyPage />} />
          <Route path="/me/language" element={<LanguagePage />} />
          <Route path="/me/elder-mode" element={<ElderModePage />} />
          <Route path="/me/sessions" element={<SessionsPage />} />
          <Route path="/me/password" element={<ChangePasswordPage />} />
          <Route path="/me/notifications" element={<NotificationSettingsPage />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/home" replace />} />
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
