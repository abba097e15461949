import { Navigate, Outlet } from 'react-router';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { StaffNotice } from '../../auth/components/StaffNotice.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';

/** Lets patients through; sends the signed-out to /login and staff accounts to the console notice. */
export function RequireAccount() {
  const { data: me, isPending, error } = useMe();
  if (isPending) return <Loading />;
  if (error) {
    return (
      <main className="auth-page" id="main">
        <ErrorNotice error={error} />
      </main>
    );
  }
  if (!me) return <Navigate to="/login" replace />;
  if (me.kind !== 'patient' || me.mfa !== 'ok') return <StaffNotice />;
  return <Outlet />;
}

/** The sign-in pages are for the signed-out only. */
export function SignedOutOnly() {
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  if (me) return <Navigate to="/home" replace />;
  return <Outlet />;
}
