import type {
  Allergy,
  AnalyteInfo,
  Condition,
  Encounter,
  FamilyHistoryEntry,
  Icd10Entry,
  LifestyleAssessment,
  LifestyleHistory,
  LifestyleInput,
  MedicationStatement,
  Observation,
  ObservationCodeSummary,
  ObservationInput,
  ObservationSeries,
  PatientRecordSummary,
  Procedure,
  RecordDocument,
} from '@careloop/contracts';
import { api } from '../../../api/client.ts';
import { fetchFile, postIdempotent, uploadForm, type FetchedFile, type UploadProgress } from './http.ts';

const base = (patientId: string) => `/patients/${encodeURIComponent(patientId)}`;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function fetchRecordSummary(patientId: string): Promise<PatientRecordSummary> {
  return api.get(`${base(patientId)}/summary`);
}

export async function fetchObservationCodes(patientId: string): Promise<ObservationCodeSummary[]> {
  return (await api.get<{ items: ObservationCodeSummary[] }>(`${base(patientId)}/observations/codes`)).items;
}

export function fetchSeries(patientId: string, code: string, from?: string): Promise<ObservationSeries> {
  return api.get(`${base(patientId)}/observations/series${query({ code, from })}`);
}

export function createObservation(
  patientId: string,
  input: ObservationInput,
  key: string,
): Promise<Observation> {
  return postIdempotent(`${base(patientId)}/observations`, input, key);
}

export async function fetchAnalytes(): Promise<AnalyteInfo[]> {
  return (await api.get<{ items: AnalyteInfo[] }>('/codes/analytes')).items;
}

export async function searchIcd10(q: string, limit = 10): Promise<Icd10Entry[]> {
  return (await api.get<{ items: Icd10Entry[] }>(`/codes/icd10${query({ q, limit })}`)).items;
}

/** The entry kinds a patient sees as lists, by their path under /patients/:id. */
export interface EntryTypes {
  conditions: Condition;
  allergies: Allergy;
  medications: MedicationStatement;
  procedures: Procedure;
  'family-history': FamilyHistoryEntry;
  encounters: Encounter;
}
export type EntrySection = keyof EntryTypes;
export type AnyEntry = EntryTypes[EntrySection];

export async function fetchEntries<S extends EntrySection>(
  patientId: string,
  section: S,
): Promise<EntryTypes[S][]> {
  return (await api.get<{ items: EntryTypes[S][] }>(`${base(patientId)}/${section}`)).items;
}

export function createEntry<S extends EntrySection>(
  patientId: string,
  section: S,
  body: Record<string, unknown>,
  key: string,
): Promise<EntryTypes[S]> {
  return postIdempotent(`${base(patientId)}/${section}`, body, key);
}

export function updateEntry<S extends EntrySection>(
  patientId: string,
  section: S,
  entryId: string,
  body: Record<string, unknown> & { version: number },
): Promise<EntryTypes[S]> {
  return api.patch(`${base(patientId)}/${section}/${encodeURIComponent(entryId)}`, body);
}

export function deleteEntry(patientId: string, section: EntrySection, entryId: string): Promise<unknown> {
  return api.delete(`${base(patientId)}/${section}/${encodeURIComponent(entryId)}`);
}

export function fetchLifestyle(patientId: string): Promise<LifestyleHistory> {
  return api.get(`${base(patientId)}/lifestyle`);
}

export function createLifestyle(
  patientId: string,
  input: LifestyleInput,
  key: string,
): Promise<LifestyleAssessment> {
  return postIdempotent(`${base(patientId)}/lifestyle`, input, key);
}

export async function fetchDocuments(patientId: string): Promise<RecordDocument[]> {
  return (await api.get<{ items: RecordDocument[] }>(`${base(patientId)}/documents?limit=200`)).items;
}

export interface DocumentUpload {
  kind: RecordDocument['kind'];
  title: string;
  documentDate?: string;
  file: File;
}

export function uploadDocument(
  patientId: string,
  upload: DocumentUpload,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<RecordDocument> {
  // The fields go first: the server reads them before it streams the file.
  const form = new FormData();
  form.append('kind', upload.kind);
  form.append('title', upload.title);
  if (upload.documentDate) form.append('documentDate', upload.documentDate);
  form.append('file', upload.file, upload.file.name);
  return uploadForm(`${base(patientId)}/documents`, form, onProgress, signal);
}

export function fetchDocumentContent(patientId: string, doc: RecordDocument): Promise<FetchedFile> {
  return fetchFile(`${base(patientId)}/documents/${encodeURIComponent(doc.id)}/content`, doc.title);
}

export function deleteDocument(patientId: string, docId: string): Promise<unknown> {
  return api.delete(`${base(patientId)}/documents/${encodeURIComponent(docId)}`);
}

export function fetchRecordExport(
  patientId: string,
  format: 'json' | 'pdf',
  lang: string,
): Promise<FetchedFile> {
  const path =
    format === 'json' ? `${base(patientId)}/export.json` : `${base(patientId)}/export.pdf${query({ lang })}`;
  return fetchFile(path, `health-record.${format}`);
}
