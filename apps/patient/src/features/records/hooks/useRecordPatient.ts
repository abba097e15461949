import type { AccessiblePatient } from '@careloop/contracts';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';

export interface RecordPatient {
  /** The selected profile when the account may read its record. */
  patientId: string | undefined;
  acting: AccessiblePatient | null;
  canView: boolean;
  /** Own profiles (self and family members the account manages) may be added to; proxies only read. */
  canEdit: boolean;
  isLoading: boolean;
  error: unknown;
}

/** The record the app shows: the selected profile (self or a family member), and what the account may do with it. */
export function useRecordPatient(): RecordPatient {
  const { acting, isLoading, error } = useActingProfile();
  const canView = acting !== null && (acting.via === 'own' || acting.scopes.includes('view'));
  return {
    patientId: canView ? acting.patient.id : undefined,
    acting,
    canView,
    canEdit: acting?.via === 'own',
    isLoading,
    error,
  };
}
