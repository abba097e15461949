import type { Consultation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { useCancelConsultation } from '../hooks/useConsultQueries.ts';
import { messageTime, spanText } from '../lib/format.ts';
import { StatusTag } from './StatusTag.tsx';
import { useWhoText } from './useWhoText.ts';

interface ConsultationItemProps {
  consultation: Consultation;
  /** The account holder's own profile: other people's consultations name whom they are for. */
  selfPatientId: string | undefined;
  now: number;
}

/** One consultation in a list: whom it is with, its state, how long it has waited or when it last spoke, unread. */
export function ConsultationItem({ consultation: c, selfPatientId, now }: ConsultationItemProps) {
  const { t, i18n } = useTranslation();
  const who = useWhoText(c);
  const cancel = useCancelConsultation();
  const waiting = c.status === 'requested';
  return (
    <li
      className="item consult-item"
      data-testid="consult-item"
      data-status={c.status}
      data-consultation-id={c.id}
    >
      <Link to={`/consult/${c.id}`} className="consult-item-link" data-testid="consult-open">
        <span className="consult-item-head">
          <span className="consult-item-who">{who}</span>
          <StatusTag status={c.status} />
        </span>
        {c.patient.id !== selfPatientId && (
          <span className="muted">{t('consult.forPatient', { name: c.patient.name })}</span>
        )}
        <span className="consult-item-preview" data-testid="consult-preview">
          {c.lastMessage === null
            ? c.chiefComplaint
            : c.lastMessage.kind === 'text'
              ? c.lastMessage.preview
              : t(`consult.preview.${c.lastMessage.kind}`)}
        </span>
        <span className="consult-item-meta muted">
          {waiting ? (
            <span data-testid="consult-waited">
              {t('consult.waited', { time: spanText(t, now - Date.parse(c.createdAt)) })}
            </span>
          ) : (
            <time dateTime={c.lastMessageAt ?? c.createdAt}>
              {messageTime(c.lastMessageAt ?? c.createdAt, i18n.language, new Date(now))}
            </time>
          )}
          {c.unreadCount > 0 && (
            <span className="consult-badge" data-testid="consult-unread">
              <span aria-hidden="true">{c.unreadCount}</span>
              <span className="sr-only">{t('consult.unreadShort', { count: c.unreadCount })}</span>
            </span>
          )}
        </span>
      </Link>
      {waiting && c.myRole === 'patient' && (
        <div className="consult-item-actions">
          <InlineConfirm
            label={t('consult.cancel')}
            question={t('consult.cancelQuestion')}
            onConfirm={() => cancel.mutate(c.id)}
            busy={cancel.isPending}
            testId="consult-cancel"
          />
          <ErrorNotice error={cancel.error} />
        </div>
      )}
    </li>
  );
}
