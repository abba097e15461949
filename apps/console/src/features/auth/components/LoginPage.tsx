import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useMe } from '../hooks/use-me';
import { LoginForm } from './LoginForm';
import { MfaEnrolmentStep } from './MfaEnrolmentStep';
import { MfaVerifyStep } from './MfaVerifyStep';
import { PatientAccountNotice } from './PatientAccountNotice';
import { RecoveryCodesStep } from './RecoveryCodesStep';

/** Sign-in in steps: password, then MFA enrolment or verification, then the page the person came for. */
export function LoginPage() {
  const me = useMe();
  const location = useLocation();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.isPending) return <FullPageSpin />;
  // Shown before anything else: once confirmed the session is fully signed in, but the codes are shown only now.
  if (recoveryCodes) {
    return (
      <RecoveryCodesStep
        codes={recoveryCodes}
        onDone={async () => {
          await me.refetch();
          setRecoveryCodes(null);
        }}
      />
    );
  }
  // A failed look-up of the session (server down) still offers the form, with what went wrong above it.
  if (!me.data) return <LoginForm loadError={me.error} />;
  if (me.data.kind === 'patient') return <PatientAccountNotice />;
  switch (me.data.mfa) {
    case 'enrolment_required':
      return <MfaEnrolmentStep onConfirmed={setRecoveryCodes} />;
    case 'required':
      return <MfaVerifyStep />;
    case 'ok':
      return <Navigate to={from} replace />;
  }
}
