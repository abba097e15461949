import type { AccessiblePatient } from '@careloop/contracts';
import { createContext, useContext } from 'react';

export interface ActingProfileState {
  profiles: AccessiblePatient[];
  /** The profile the app acts for now: self by default, or a family member chosen on the home page. */
  acting: AccessiblePatient | null;
  setActingId: (patientId: string) => void;
  isLoading: boolean;
  error: unknown;
}

export const ActingProfileContext = createContext<ActingProfileState | null>(null);

export function useActingProfile(): ActingProfileState {
  const state = useContext(ActingProfileContext);
  if (!state) throw new Error('useActingProfile needs an ActingProfileProvider');
  return state;
}
