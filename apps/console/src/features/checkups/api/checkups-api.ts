import type {
  CheckupImportJob,
  CheckupImportProblem,
  CheckupItemMapping,
  CheckupPackage,
  CheckupReportDetail,
  CheckupReportSummary,
  CreatedCheckupImport,
  SavedCheckupItemMapping,
  UnmappedCheckupItem,
} from '@careloop/contracts';
import { api, newIdempotencyKey } from '../../../api/client';
import type { Page } from '../../../api/types';
import { downloadFile, uploadForm } from '../../../api/files';

export interface MappingInput {
  localName: string;
  loinc: string;
  unit?: string;
}
export interface MappingUpdate {
  localName?: string;
  loinc?: string;
  unit?: string | null;
  version: number;
}
export interface PackageInput {
  code: string;
  nameZh: string;
  nameEn: string;
  itemCodes: string[];
  priceCents: number | null;
  active: boolean;
}
export type PackageUpdate = Partial<Omit<PackageInput, 'code'>> & { version: number };

const id = encodeURIComponent;
const importPath = (jobId: string) => `/checkups/imports/${id(jobId)}`;
const reportsPath = (patientId: string) => `/patients/${id(patientId)}/checkups`;

export const checkupsApi = {
  downloadTemplate: (format: 'xlsx' | 'csv', fallbackName: string) =>
    downloadFile('/checkups/template', { format }, fallbackName),
  upload: async (files: readonly File[], onProgress: (fraction: number) => void, signal?: AbortSignal) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const { body } = await uploadForm<CreatedCheckupImport>('/checkups/imports', form, onProgress, signal);
    return body;
  },
  imports: (cursor?: string) => api.get<Page<CheckupImportJob>>('/checkups/imports', { limit: 10, cursor }),
  importJob: (jobId: string) => api.get<CheckupImportJob>(importPath(jobId)),
  problems: (jobId: string, cursor?: string) =>
    api.get<Page<CheckupImportProblem>>(`${importPath(jobId)}/problems`, { limit: 20, cursor }),
  downloadProblems: (jobId: string, fallbackName: string) =>
    downloadFile(`${importPath(jobId)}/problems.csv`, {}, fallbackName),
  cancel: (jobId: string) => api.post<CheckupImportJob>(`${importPath(jobId)}/cancel`),

  mappings: (q: string, cursor?: string) =>
    api.get<Page<CheckupItemMapping>>('/checkups/item-mappings', { q, cursor, limit: 50 }),
  createMapping: (input: MappingInput) =>
    api.post<SavedCheckupItemMapping>('/checkups/item-mappings', input, {
      idempotencyKey: newIdempotencyKey(),
    }),
  updateMapping: (mappingId: string, update: MappingUpdate) =>
    api.patch<SavedCheckupItemMapping>(`/checkups/item-mappings/${id(mappingId)}`, update),
  deleteMapping: (mappingId: string) => api.delete<unknown>(`/checkups/item-mappings/${id(mappingId)}`),
  unmapped: (q: string, cursor?: string) =>
    api.get<Page<UnmappedCheckupItem>>('/checkups/unmapped', { q, cursor, limit: 50 }),

  packages: () => api.get<{ items: CheckupPackage[] }>('/checkups/packages'),
  createPackage: (input: PackageInput) =>
    api.post<CheckupPackage>('/checkups/packages', input, { idempotencyKey: newIdempotencyKey() }),
  updatePackage: (packageId: string, update: PackageUpdate) =>
    api.patch<CheckupPackage>(`/checkups/packages/${id(packageId)}`, update),

  reports: (patientId: string, cursor?: string) =>
    api.get<Page<CheckupReportSummary>>(reportsPath(patientId), { cursor, limit: 50 }),
  report: (patientId: string, reportId: string) =>
    api.get<CheckupReportDetail>(`${reportsPath(patientId)}/${id(reportId)}`),
  downloadSummaryPdf: (patientId: string, reportId: string, lang: string, fallbackName: string) =>
    downloadFile(`${reportsPath(patientId)}/${id(reportId)}/summary.pdf`, { lang }, fallbackName),
};
