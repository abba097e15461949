import type { CheckupReportDetail, CheckupReportSummary, PatientFollowUpTask } from '@careloop/contracts';
import { api } from '../../../api/client.ts';
import { fetchFile, type FetchedFile } from '../../records/api/http.ts';

const base = (patientId: string) => `/patients/${encodeURIComponent(patientId)}`;

export interface CheckupPage {
  items: CheckupReportSummary[];
  nextCursor: string | null;
}

export function fetchCheckups(patientId: string, cursor?: string): Promise<CheckupPage> {
  const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return api.get(`${base(patientId)}/checkups?limit=50${query}`);
}

export function fetchCheckupReport(patientId: string, reportId: string): Promise<CheckupReportDetail> {
  return api.get(`${base(patientId)}/checkups/${encodeURIComponent(reportId)}`);
}

export function fetchCheckupPdf(patientId: string, reportId: string, lang: string): Promise<FetchedFile> {
  return fetchFile(
    `${base(patientId)}/checkups/${encodeURIComponent(reportId)}/summary.pdf?lang=${encodeURIComponent(lang)}`,
    'checkup-summary.pdf',
  );
}

export async function fetchFollowUpTasks(patientId: string): Promise<PatientFollowUpTask[]> {
  return (await api.get<{ items: PatientFollowUpTask[] }>(`${base(patientId)}/followup-tasks`)).items;
}
