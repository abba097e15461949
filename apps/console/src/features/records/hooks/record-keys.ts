import type { EntryKindKey } from '../lib/entry-forms';
import type { TimelineKind } from '../lib/record-types';

/** Query keys of one patient's record; everything under ['record', patientId] is invalidated after a write. */
export const recordKeys = {
  patient: (patientId: string) => ['record', patientId] as const,
  summary: (patientId: string) => ['record', patientId, 'summary'] as const,
  timeline: (patientId: string, kinds: readonly TimelineKind[]) =>
    ['record', patientId, 'timeline', [...kinds].sort().join(',')] as const,
  codes: (patientId: string) => ['record', patientId, 'observation-codes'] as const,
  series: (patientId: string, code: string, from: string | undefined) =>
    ['record', patientId, 'series', code, from ?? 'all'] as const,
  recent: (patientId: string, code: string) => ['record', patientId, 'recent', code] as const,
  entries: (patientId: string, kind: EntryKindKey) => ['record', patientId, 'entries', kind] as const,
  lifestyle: (patientId: string) => ['record', patientId, 'lifestyle'] as const,
  documents: (patientId: string) => ['record', patientId, 'documents'] as const,
  icd10: (q: string) => ['codes', 'icd10', q] as const,
  analytes: ['codes', 'analytes'] as const,
};
