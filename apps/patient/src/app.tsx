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
import { AddReadingPage } from './features/records/components/AddReadingPage.tsx';
import { DocumentsPage } from './features/records/components/DocumentsPage.tsx';
import { EntriesPage } from './features/records/components/EntriesPage.tsx';
import { EntryFormPage } from './features/records/components/EntryFormPage.tsx';
import { LifestylePage } from './features/records/components/LifestylePage.tsx';
import { ProfilePage } from './features/records/components/ProfilePage.tsx';
import { RecordsPage } from './features/records/components/RecordsPage.tsx';
import { TrendsPage } from './features/records/components/TrendsPage.tsx';
import { ServicesPage } from './features/services/components/ServicesPage.tsx';
import { AppLayout } from './features/shell/components/AppLayout.tsx';
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
        <Route element={<AppLayout />}>
          <Route path="/home" element={<HomePage />} />
          <Route path="/consult" element={<ConsultPage />} />
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
          <Route path="/me" element={<MePage />} />
          <Route path="/me/family" element={<FamilyPage />} />
          <Route path="/me/family/new" element={<AddFamilyPage />} />
          <Route path="/me/proxy" element={<ProxyPage />} />
          <Route path="/me/language" element={<LanguagePage />} />
          <Route path="/me/elder-mode" element={<ElderModePage />} />
          <Route path="/me/sessions" element={<SessionsPage />} />
          <Route path="/me/password" element={<ChangePasswordPage />} />
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
