import { useMemo, useState, type ReactNode } from 'react';
import { useAccount } from '../../auth/hooks/useMe.ts';
import { ActingProfileContext, type ActingProfileState } from '../hooks/acting-profile-context.ts';
import { useMyPatients } from '../hooks/useMyPatients.ts';

function storageKey(accountId: string): string {
  return `careloop.acting.${accountId}`;
}

function readChoice(accountId: string): string | null {
  try {
    return localStorage.getItem(storageKey(accountId));
  } catch {
    return null;
  }
}

export function ActingProfileProvider({ children }: { children: ReactNode }) {
  const account = useAccount();
  const patients = useMyPatients();
  const [chosenId, setChosenId] = useState(() => readChoice(account.accountId));

  const value = useMemo<ActingProfileState>(() => {
    const profiles = patients.data ?? [];
    const acting =
      profiles.find((p) => p.patient.id === chosenId) ??
      profiles.find((p) => p.relationship === 'self') ??
      profiles[0] ??
      null;
    return {
      profiles,
      acting,
      isLoading: patients.isPending,
      error: patients.error,
      setActingId: (patientId: string) => {
        setChosenId(patientId);
        try {
          localStorage.setItem(storageKey(account.accountId), patientId);
        } catch {
          // Not remembered across visits; the choice still holds now.
        }
      },
    };
  }, [patients.data, patients.isPending, patients.error, chosenId, account.accountId]);

  return <ActingProfileContext.Provider value={value}>{children}</ActingProfileContext.Provider>;
}
