import type { Consultation } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { VideoOutline } from 'antd-mobile-icons';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useRealtimeStatus } from '../../../api/realtime.ts';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAccount } from '../../auth/hooks/useMe.ts';
import { useChatPresenceOnline } from '../hooks/useOnline.ts';
import { useReceiptsSender, useTypingSender } from '../hooks/useChatPresence.ts';
import { useChatSend } from '../hooks/useChatSend.ts';
import { useChatTimeline } from '../hooks/useChatTimeline.ts';
import { useCancelConsultation, useConsultation } from '../hooks/useConsultQueries.ts';
import { useConsultPush } from '../hooks/useConsultPush.ts';
import { useNow } from '../hooks/useNow.ts';
import { spanText } from '../lib/format.ts';
import { tickOf } from '../lib/timeline.ts';
import { Composer } from './Composer.tsx';
import { EventLine } from './EventLine.tsx';
import { MessageBubble } from './MessageBubble.tsx';
import { PendingBubbles } from './PendingBubbles.tsx';
import type { StartState } from './StartConsultPage.tsx';
import { StatusTag } from './StatusTag.tsx';
import { RatingForm } from './RatingForm.tsx';
import { SummaryCard } from './SummaryCard.tsx';
import { useWhoText } from './useWhoText.ts';
import '../consult.css';

const CALLABLE = new Set<Consultation['status']>(['accepted', 'active']);

function WaitingBanner({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const now = useNow();
  const cancel = useCancelConsultation();
  return (
    <section className="notice notice-info consult-waiting" data-testid="consult-waiting">
      <span className="notice-icon" aria-hidden="true">
        i
      </span>
      <div className="stack" style={{ gap: 8 }}>
        <p>{t('consult.chat.waitingBanner', { time: spanText(t, now - Date.parse(c.createdAt)) })}</p>
        {c.myRole === 'patient' && (
          <InlineConfirm
            label={t('consult.cancel')}
            question={t('consult.cancelQuestion')}
            onConfirm={() => cancel.mutate(c.id)}
            busy={cancel.isPending}
            testId="chat-cancel"
          />
        )}
        <ErrorNotice error={cancel.error} />
      </div>
    </section>
  );
}

function nearBottom(): boolean {
  return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 240;
}

function Chat({ consultation: c, myAccountId }: { consultation: Consultation; myAccountId: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const who = useWhoText(c);
  const timeline = useChatTimeline(c, myAccountId);
  const send = useChatSend(c.id, (m) => timeline.merge([m]));
  useReceiptsSender(c.id, timeline.messages);
  const typing = useTypingSender(c.id);
  const online = useChatPresenceOnline(useRealtimeStatus());
  const firstScroll = useRef(true);

  // Photos chosen when the consultation was started go out as its first image messages, once.
  const photosSent = useRef(false);
  useEffect(() => {
    const photos = (location.state as StartState | null)?.photos ?? [];
    if (photosSent.current || photos.length === 0) return;
    photosSent.current = true;
    for (const photo of photos) send.sendFile({ blob: photo, name: photo.name, kind: 'image' });
    void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate, send]);

  const count = timeline.messages.length + send.pending.length + send.uploads.length;
  const wasNearBottom = useRef(true);
  useEffect(() => {
    const onScroll = () => {
      wasNearBottom.current = nearBottom();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    if (timeline.state !== 'ready') return;
    // To the very end: the composer and the tab bar stick over the last lines otherwise.
    if (firstScroll.current || wasNearBottom.current)
      window.scrollTo({ top: document.documentElement.scrollHeight });
    firstScroll.current = false;
  }, [count, timeline.state, timeline.peerTyping]);

  const closed = c.status === 'closed';
  return (
    <div className="page chat-page">
      <PageHeader
        title={who}
        backTo="/consult"
        extra={
          CALLABLE.has(c.status) ? (
            <Link to={`/consult/${c.id}/call`} className="chat-call-link" data-testid="chat-call">
              <VideoOutline aria-hidden="true" />
              <span>{t('consult.chat.videoCall')}</span>
            </Link>
          ) : undefined
        }
      />
      <div className="chat-status-line">
        <StatusTag status={c.status} />
        {c.department && <span className="muted">{c.department.name}</span>}
      </div>
      {c.status === 'requested' && <WaitingBanner consultation={c} />}
      {!online && <Notice tone="info">{t('consult.chat.offline')}</Notice>}

      <section className="card chat-complaint" aria-labelledby="chat-complaint-title">
        <h2 id="chat-complaint-title" className="muted">
          {t('consult.chat.complaint')}
        </h2>
        <p className="chat-text" data-testid="chat-complaint">
          {c.chiefComplaint}
        </p>
      </section>

      <section aria-labelledby="chat-messages-title" className="chat-messages">
        <h2 id="chat-messages-title" className="sr-only">
          {t('consult.chat.messages')}
        </h2>
        {timeline.state === 'loading' && <Loading />}
        {timeline.state === 'error' && (
          <>
            <ErrorNotice error={timeline.error} />
            <Button size="small" onClick={timeline.retry}>
              {t('consult.chat.retry')}
            </Button>
          </>
        )}
        {timeline.hasOlder && (
          <Button
            block
            size="small"
            fill="none"
            loading={timeline.loadingOlder}
            onClick={timeline.loadOlder}
            data-testid="chat-load-older"
          >
            {t('consult.chat.loadOlder')}
          </Button>
        )}
        <div role="log" aria-labelledby="chat-messages-title">
          <ol className="chat-list" data-testid="chat-list">
            {timeline.messages.map((m) =>
              m.kind === 'event' ? (
                <EventLine key={m.seq} message={m} />
              ) : (
                <MessageBubble
                  key={m.seq}
                  message={m}
                  mine={m.sender?.id === myAccountId}
                  tick={tickOf(m.seq, timeline.peer)}
                />
              ),
            )}
            <PendingBubbles
              consultationId={c.id}
              pending={send.pending.filter((p) => !timeline.messages.some((m) => m.clientId === p.clientId))}
              uploads={send.uploads}
              online={online}
              onRetryMessage={send.retryMessage}
              onDiscardMessage={send.discardMessage}
              onRetryUpload={send.retryUpload}
              onDiscardUpload={send.discardUpload}
            />
          </ol>
        </div>
        <p className="chat-typing" role="status" data-testid="chat-typing">
          {timeline.peerTyping ? t('consult.chat.typing') : ''}
        </p>
      </section>

      {closed && <SummaryCard consultation={c} />}
      {closed && c.myRole === 'patient' && <RatingForm consultation={c} />}
      {c.canMessage ? (
        <Composer
          onText={send.sendText}
          onFile={send.sendFile}
          onTyping={typing.typing}
          onStoppedTyping={typing.stopped}
        />
      ) : (
        !closed &&
        c.status !== 'requested' && (
          <p className="muted" data-testid="chat-cannot-message">
            {t('consult.chat.closedNoMessage')}
          </p>
        )
      )}
    </div>
  );
}

/** 问诊对话: the conversation with the doctor, live, with everything that waits to be sent kept on the phone. */
export function ChatPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const account = useAccount();
  useConsultPush();
  const consultation = useConsultation(id);
  if (consultation.data) return <Chat consultation={consultation.data} myAccountId={account.accountId} />;
  return (
    <div className="page stack">
      <PageHeader title={t('consult.chat.title')} backTo="/consult" />
      {consultation.isPending && <Loading />}
      <ErrorNotice error={consultation.error} />
    </div>
  );
}
