import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useAnswerTriage, useRecordOutcome, useTriageSession } from '../hooks/useTriage.ts';
import { ChatLog } from './ChatLog.tsx';
import { EmergencyCard } from './EmergencyCard.tsx';
import { QuestionPrompt } from './QuestionPrompt.tsx';
import { TriageResultView } from './TriageResultView.tsx';
import '../triage.css';

/**
 * One symptom check as a chat: red flags first (an emergency card above everything, even while questions are
 * still open), then the conversation, the waiting question with its quick answers, and the result.
 */
export function TriageChatPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useTriageSession(id);
  const answer = useAnswerTriage(id);
  const recordOutcome = useRecordOutcome(id);
  const s = session.data;
  const redFlags = s?.result?.redFlags ?? [];
  return (
    <div className="page stack">
      <PageHeader title={t('triage.title')} backTo="/triage" />
      {session.isPending && <Loading />}
      <ErrorNotice error={session.error} />
      {s && redFlags.length > 0 && s.result && (
        <EmergencyCard
          redFlags={redFlags}
          number={s.result.emergencyNumber}
          onCall={() => recordOutcome({ action: 'called_emergency' })}
        />
      )}
      {s && (
        <ChatLog
          messages={s.messages}
          waitingQuestionId={s.status === 'asking' ? s.question?.id : undefined}
        />
      )}
      {s?.status === 'asking' && s.question && (
        <QuestionPrompt
          key={s.question.id}
          question={s.question}
          busy={answer.isPending}
          onAnswer={(body) => answer.mutate(body)}
        />
      )}
      <ErrorNotice error={answer.error} />
      {s?.status === 'not_understood' && s.notUnderstood && (
        <div data-testid="triage-not-understood">
          <Notice tone="info">
            <p>{s.notUnderstood.reason}</p>
            <p>{s.notUnderstood.advice}</p>
          </Notice>
          <div className="actions">
            <Link className="button-link" to="/book">
              {t('triage.result.chooseDepartment')}
            </Link>
          </div>
        </div>
      )}
      {s?.status === 'completed' && s.result && (
        <TriageResultView
          sessionId={s.id}
          patientId={s.patientId}
          result={s.result}
          onOutcome={recordOutcome}
        />
      )}
      {s && s.status !== 'asking' && (
        <Link to="/triage" className="text-link" data-testid="triage-again">
          {t('triage.result.again')}
        </Link>
      )}
    </div>
  );
}
