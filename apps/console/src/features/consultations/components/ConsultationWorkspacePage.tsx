import { ArrowLeftOutlined, UserAddOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { useStaffMe } from '../../auth/hooks/use-me';
import '../consultations.css';
import { useAcceptConsultation, useConsultation } from '../hooks/use-consultations';
import { ChatPanel } from './ChatPanel';
import { CloseConsultationDrawer } from './CloseConsultationDrawer';
import { ConsultationOutcome } from './ConsultationOutcome';
import { DeclineModal } from './DeclineModal';
import { InviteGuestModal } from './InviteGuestModal';
import { PatientLine } from './PatientLine';
import { PatientSummaryAside } from './PatientSummaryAside';
import { StatusTag } from './StatusTag';
import { PrescribeButton } from '../../prescribing/components/PrescribeButton';

const OPEN = new Set(['accepted', 'active']);

/**
 * One consultation: the chat, and beside it (below it on a narrow screen) the patient's 360 summary. The doctor
 * accepts a waiting request here too, starts a video call, invites a guest, and closes with a summary.
 */
export function ConsultationWorkspacePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useStaffMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const consultation = useConsultation(id);
  const accept = useAcceptConsultation();
  const [panel, setPanel] = useState<'close' | 'invite' | 'decline' | null>(null);

  if (consultation.isPending) return <FullPageSpin />;
  if (consultation.isError)
    return <QueryError error={consultation.error} onRetry={() => void consultation.refetch()} />;
  const c = consultation.data;
  const isDoctor = c.myRole === 'doctor';
  const open = OPEN.has(c.status);

  function onAccept() {
    accept.mutate(
      { id: c.id, version: c.version },
      {
        onError: (error) => {
          if (isApiError(error, 'CONSULTATION_ALREADY_TAKEN')) {
            void message.warning(t('consult.queue.alreadyTaken'));
            void navigate('/consultations');
          } else void message.error(problemText(error, t));
        },
      },
    );
  }

  return (
    <div className="consult-workspace" data-testid="consult-workspace" data-status={c.status}>
      <Link to="/consultations" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('consult.workspace.back')}
      </Link>
      <PageTitle
        extra={
          <Space wrap>
            {c.status === 'requested' ? (
              <>
                <Button onClick={() => setPanel('decline')} data-testid="consult-decline">
                  {t('consult.queue.decline')}
                </Button>
                <Button
                  type="primary"
                  onClick={onAccept}
                  loading={accept.isPending}
                  data-testid="consult-accept"
                >
                  {t('consult.queue.accept')}
                </Button>
              </>
            ) : null}
            {open && isDoctor ? (
              <>
                {/* The call screen is features/call's; this only goes there. */}
                <Button
                  icon={<VideoCameraOutlined aria-hidden />}
                  onClick={() => void navigate(`/consultations/${c.id}/call`)}
                  data-testid="consult-start-call"
                >
                  {t('consult.workspace.startCall')}
                </Button>
                <Button
                  icon={<UserAddOutlined aria-hidden />}
                  onClick={() => setPanel('invite')}
                  data-testid="consult-invite"
                >
                  {t('consult.workspace.invite')}
                </Button>
                <PrescribeButton patientId={c.patient.id} consultationId={c.id} />
                <Button type="primary" onClick={() => setPanel('close')} data-testid="consult-close">
                  {t('consult.workspace.close')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      >
        <PatientLine patient={c.patient} />
      </PageTitle>
      <div className="consult-facts">
        <StatusTag status={c.status} />
        <span>
          <span className="consult-facts__label">{t('consult.workspace.complaint')}: </span>
          <span data-testid="consult-complaint">{c.chiefComplaint}</span>
        </span>
      </div>
      <ConsultationOutcome consultation={c} />
      <div className="consult-grid">
        <ChatPanel consultation={c} myAccountId={me.accountId} />
        <PatientSummaryAside patientId={c.patient.id} accepted={c.status !== 'requested'} />
      </div>
      {panel === 'close' ? <CloseConsultationDrawer consultation={c} onClose={() => setPanel(null)} /> : null}
      {panel === 'invite' ? <InviteGuestModal consultationId={c.id} onClose={() => setPanel(null)} /> : null}
      {panel === 'decline' ? (
        <DeclineModal
          consultation={c}
          onClose={() => {
            setPanel(null);
          }}
        />
      ) : null}
    </div>
  );
}
