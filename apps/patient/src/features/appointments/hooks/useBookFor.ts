import type { AccessiblePatient } from '@careloop/contracts';
import { useMemo, useState } from 'react';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';

/** Whom the account may book for: its own profiles, and people who granted it the book scope. */
export function mayBook(p: AccessiblePatient): boolean {
  return p.via === 'own' || p.scopes.includes('book');
}

/**
 * The profiles one may book for, and the one chosen: `initial` (carried between the booking pages in `?for=`)
 * when it is one of them, else the acting profile, else the first.
 */
export function useBookFor(initial?: string | null) {
  const { profiles, acting, isLoading } = useActingProfile();
  const allowed = useMemo(() => profiles.filter(mayBook), [profiles]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const carried = allowed.find((p) => p.patient.id === initial)?.patient.id;
  const patientId =
    chosen ?? carried ?? (acting && mayBook(acting) ? acting.patient.id : allowed[0]?.patient.id);
  return { allowed, patientId, setPatientId: setChosen, hasProfiles: profiles.length > 0, isLoading };
}
