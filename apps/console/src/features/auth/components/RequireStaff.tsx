import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useMe } from '../hooks/use-me';

/** The app shell opens only for a fully signed-in staff member; everyone else goes to the sign-in steps. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (!me || me.kind !== 'staff' || me.mfa !== 'ok') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}
