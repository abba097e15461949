import { CallScreen, useCallTitle } from '@careloop/web-calls/react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { fetchCallConsultation } from '../api/call.api.ts';
import { callBindings } from '../call-bindings.ts';

/** The call screen of a consultation (/consult/:id/call), with its doctor on the other side. */
export function CallPage() {
  const { id = '' } = useParams();
  return <PatientCallScreen key={id} consultationId={id} />;
}

function PatientCallScreen({ consultationId }: { consultationId: string }) {
  const consultation = useQuery({
    queryKey: ['call', 'consultation', consultationId],
    queryFn: () => fetchCallConsultation(consultationId),
  });
  const doctor = consultation.data?.doctor;
  const counterpart = doctor ? { name: doctor.name, accountId: doctor.id } : null;
  usePageTitle(useCallTitle(counterpart));
  return <CallScreen bindings={callBindings} consultationId={consultationId} counterpart={counterpart} />;
}
