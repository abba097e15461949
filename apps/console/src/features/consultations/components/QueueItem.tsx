import type { Consultation } from '@careloop/contracts';
import { App, Badge, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import type { QueueView } from '../api/consultations-api';
import { useAcceptConsultation } from '../hooks/use-consultations';
import { DeclineModal } from './DeclineModal';
import { PatientLine } from './PatientLine';
import { StatusTag } from './StatusTag';
import { WaitedFor } from './WaitedFor';

interface Props {
  consultation: Consultation;
  view: QueueView;
  now: number;
}

/** One consultation in the queue: who, why, how long they have waited, and what the doctor can do now. */
export function QueueItem({ consultation: c, view, now }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const accept = useAcceptConsultation();
  const [declining, setDeclining] = useState(false);
  const open = `/consultations/${c.id}`;

  // mutateAsync, not per-call callbacks: the refreshed list drops this item (and unmounts it) before they run.
  async function onAccept() {
    try {
      await accept.mutateAsync({ id: c.id, version: c.version });
      void navigate(open);
    } catch (error) {
      // Two doctors of a pool may press at once; exactly one wins and the other is told plainly.
      if (isApiError(error, 'CONSULTATION_ALREADY_TAKEN'))
        void message.warning(t('consult.queue.alreadyTaken'));
      else void message.error(problemText(error, t));
    }
  }

  return (
    <li
      className="consult-item"
      data-testid="consult-item"
      data-consultation-id={c.id}
      data-status={c.status}
    >
      <div className="consult-item__head">
        <Link to={open} className="consult-patient" data-testid="consult-open">
          <PatientLine patient={c.patient} />
        </Link>
        <StatusTag status={c.status} />
        {view === 'waiting' ? (
          <Tag>{c.doctor ? t('consult.queue.toMe') : (c.department?.name ?? t('consult.queue.pool'))}</Tag>
        ) : null}
        {c.unreadCount > 0 ? (
          <span className="consult-item__unread" data-testid="consult-unread">
            <Badge count={c.unreadCount} overflowCount={99} color="#c41d1f" aria-hidden />
            <span className="visually-hidden">{t('consult.queue.unread', { count: c.unreadCount })}</span>
          </span>
        ) : null}
      </div>
      <p className="consult-item__complaint">{c.chiefComplaint}</p>
      {view !== 'waiting' && c.lastMessage ? (
        <p className="consult-item__last" data-testid="consult-last-message">
          <span className="consult-item__last-who">
            {c.lastMessage.senderRole === c.myRole
              ? t('consult.chat.you')
              : t(`consult.roles.${c.lastMessage.senderRole}`)}
            :{' '}
          </span>
          {c.lastMessage.kind === 'text'
            ? (c.lastMessage.preview ?? '')
            : `[${t(`consult.chat.kinds.${c.lastMessage.kind}`)}]`}
        </p>
      ) : null}
      <div className="consult-item__foot">
        <span className="muted">
          {view === 'waiting' ? (
            <WaitedFor since={c.createdAt} now={now} />
          ) : view === 'mine' ? (
            c.lastMessageAt ? (
              t('consult.queue.lastMessage', { time: formatDateTime(c.lastMessageAt, i18n.language) })
            ) : (
              t('consult.queue.noMessages')
            )
          ) : (
            t('consult.queue.ended', { time: formatDateTime(c.endedAt ?? c.createdAt, i18n.language) })
          )}
        </span>
        {view === 'waiting' ? (
          <span className="consult-item__actions">
            <Button onClick={() => setDeclining(true)} data-testid="consult-decline">
              {t('consult.queue.decline')}
            </Button>
            <Button
              type="primary"
              onClick={() => void onAccept()}
              loading={accept.isPending}
              data-testid="consult-accept"
            >
              {t('consult.queue.accept')}
            </Button>
          </span>
        ) : (
          <Link to={open}>{t('consult.queue.open')}</Link>
        )}
      </div>
      {declining ? <DeclineModal consultation={c} onClose={() => setDeclining(false)} /> : null}
    </li>
  );
}
