import type { TabsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PatientCheckupsTab } from '../../checkups/components/PatientCheckupsTab';
import { PatientFollowUpTab } from '../../followup/components/PatientFollowUpTab';
import { PatientMonitoringTab } from '../../monitoring/components/PatientMonitoringTab';
import { DocumentsTab } from '../../records/components/DocumentsTab';
import { RecordSectionsTab } from '../../records/components/RecordSectionsTab';
import { RecordSummaryTab } from '../../records/components/RecordSummaryTab';
import { TimelineTab } from '../../records/components/TimelineTab';
import { TrendsTab } from '../../records/components/TrendsTab';
import { PatientMedicationTab } from '../../adherence/components/PatientMedicationTab';

// The tabs of the patient page, in order. Each feature adds its one entry here (and nothing else in the page):
// records owns summary, timeline, trends, record and documents; checkups, follow-up and monitoring add
// theirs at the marks.

export interface PatientTabContext {
  patientId: string;
  /** On the care team (not break-glass): may add and change entries. */
  canEdit: boolean;
  /** The demographics and care team cards (the page builds them; they need its queries). */
  profile: ReactNode;
}

export type PatientTabItem = NonNullable<TabsProps['items']>[number] & { key: string };

export const DEFAULT_PATIENT_TAB = 'summary';

export function usePatientTabs({ patientId, canEdit, profile }: PatientTabContext): PatientTabItem[] {
  const { t } = useTranslation();
  return [
    { key: 'summary', label: t('record.tabs.summary'), children: <RecordSummaryTab patientId={patientId} /> },
    { key: 'timeline', label: t('record.tabs.timeline'), children: <TimelineTab patientId={patientId} /> },
    {
      key: 'trends',
      label: t('record.tabs.trends'),
      children: <TrendsTab patientId={patientId} canEdit={canEdit} />,
    },
    {
      key: 'record',
      label: t('record.tabs.sections'),
      children: <RecordSectionsTab patientId={patientId} canEdit={canEdit} />,
    },
    {
      key: 'documents',
      label: t('record.tabs.documents'),
      children: <DocumentsTab patientId={patientId} canEdit={canEdit} />,
    },
    // --- Checkups tab (features/checkups adds it here) -------------------------------------------------------
    {
      key: 'checkups',
      label: t('checkupReport.tab'),
      children: <PatientCheckupsTab patientId={patientId} />,
    },
    // --- Follow-up tab (features/followup adds it here) ------------------------------------------------------
    { key: 'followup', label: t('followUp.tab'), children: <PatientFollowUpTab patientId={patientId} /> },
    // --- Monitoring tab (features/monitoring adds it here) ---------------------------------------------------
    {
      key: 'monitoring',
      label: t('monitoringTab.tab'),
      children: <PatientMonitoringTab patientId={patientId} canEdit={canEdit} />,
    },
    // --- Medication tab (features/adherence adds it here) -----------------------------------------------------
    {
      key: 'medication',
      label: t('medication.tab'),
      children: <PatientMedicationTab patientId={patientId} />,
    },
    // ---------------------------------------------------------------------------------------------------------
    { key: 'profile', label: t('record.tabs.profile'), children: profile },
  ];
}
