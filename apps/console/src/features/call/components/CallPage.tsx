import { CallScreen, useCallTitle } from '@careloop/web-calls/react';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useStaffMe } from '../../auth/hooks/use-me';
import { InviteGuestModal } from '../../consultations/components/InviteGuestModal';
import { callApi } from '../api/call-api';
import { callBindings } from '../call-bindings';
import '../call.css';

/** The call screen of a consultation (/consultations/:id/call), with its patient on the other side. */
export function CallPage() {
  const { id = '' } = useParams();
  return <StaffCallScreen key={id} consultationId={id} />;
}

function StaffCallScreen({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const me = useStaffMe();
  const [inviting, setInviting] = useState(false);
  const consultation = useQuery({
    queryKey: ['call', 'consultation', consultationId],
    queryFn: () => callApi.consultation(consultationId),
  });
  const patient = consultation.data?.patient;
  const counterpart = patient ? { name: patient.name } : null;
  const isDoctor = consultation.data?.doctor?.id === me.accountId;
  const title = useCallTitle(counterpart);
  useEffect(() => {
    document.title = `${title} · CareLoop`;
  }, [title]);
  return (
    <CallScreen
      bindings={callBindings}
      consultationId={consultationId}
      counterpart={counterpart}
      controls={
        isDoctor && (
          <button
            type="button"
            className="call-control"
            onClick={() => setInviting(true)}
            data-testid="call-invite"
          >
            <UserAddOutlined aria-hidden />
            <span>{t('call.invite')}</span>
          </button>
        )
      }
    >
      {inviting && <InviteGuestModal consultationId={consultationId} onClose={() => setInviting(false)} />}
    </CallScreen>
  );
}
