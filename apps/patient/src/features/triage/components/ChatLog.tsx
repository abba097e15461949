import type { TriageMessage } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/**
 * The conversation so far: the patient's words and answers on the right, the questions on the left. The result,
 * and the question waiting for an answer, are shown as cards below rather than as bubbles.
 */
export function ChatLog(props: {
  messages: readonly TriageMessage[];
  waitingQuestionId?: string | undefined;
}) {
  const { messages, waitingQuestionId } = props;
  const { t } = useTranslation();
  const shown = messages.filter(
    (m) => m.kind !== 'result' && !(m.kind === 'question' && m.questionId === waitingQuestionId),
  );
  return (
    <div role="log" aria-label={t('triage.chat.log')} className="triage-log">
      <ol className="triage-bubbles" data-testid="triage-log">
        {shown.map((m) => (
          <li
            key={m.seq}
            className={m.role === 'patient' ? 'triage-bubble triage-bubble-mine' : 'triage-bubble'}
            data-testid="triage-message"
            data-role={m.role}
            data-kind={m.kind}
          >
            <span className="sr-only">
              {m.role === 'patient' ? t('triage.chat.you') : t('triage.chat.assistant')}
            </span>
            {m.body}
          </li>
        ))}
      </ol>
    </div>
  );
}
