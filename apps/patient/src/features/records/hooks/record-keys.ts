/** Query keys of the record, all under ['record', patientId] so a write can refresh the whole record at once. */
export const recordKeys = {
  all: (patientId: string) => ['record', patientId] as const,
  summary: (patientId: string) => ['record', patientId, 'summary'] as const,
  codes: (patientId: string) => ['record', patientId, 'codes'] as const,
  series: (patientId: string, code: string, from: string | undefined) =>
    ['record', patientId, 'series', code, from ?? 'all'] as const,
  entries: (patientId: string, section: string) => ['record', patientId, 'entries', section] as const,
  lifestyle: (patientId: string) => ['record', patientId, 'lifestyle'] as const,
  documents: (patientId: string) => ['record', patientId, 'documents'] as const,
};
