import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Notice } from '../../../ui/Notice.tsx';
import { usePendingReadings } from '../hooks/useOutbox.ts';
import type { SendOutcome } from '../lib/outbox.ts';
import { valuesOfInput } from '../lib/reading-format.ts';
import { ReadingRow } from './ReadingRow.tsx';

interface SendResultProps {
  patientId: string;
  outcome: Extract<SendOutcome, { status: 'sent' | 'queued' }>;
  onAnother: () => void;
}

/** After saving: stored (or already stored), or kept on the phone to be sent; any alert it raised and its advice. */
export function SendResult({ patientId, outcome, onAnother }: SendResultProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pending = usePendingReadings(patientId);
  const { reading } = outcome.entry;
  const result = outcome.status === 'sent' ? outcome.result : null;
  const advice = result?.alerts.filter((a) => a.patientAdvice?.trim()) ?? [];
  const otherAlerts = (result?.alerts.length ?? 0) > advice.length;
  return (
    <section className="card stack" aria-labelledby="send-result-title" data-testid="monitoring-result">
      {result ? (
        <Notice tone="success">
          <h2 id="send-result-title">{t('monitoring.add.savedTitle')}</h2>
          {result.duplicates > 0 && <p>{t('monitoring.add.duplicate')}</p>}
        </Notice>
      ) : (
        <Notice tone="info">
          <h2 id="send-result-title">{t('monitoring.add.queuedTitle')}</h2>
          <p data-testid="monitoring-queued">{t('monitoring.add.queuedBody', { count: pending.length })}</p>
        </Notice>
      )}
      <ul className="reading-list">
        <ReadingRow
          values={valuesOfInput(reading)}
          takenAt={reading.takenAt}
          context={reading.context}
          testId="monitoring-result-reading"
        />
      </ul>
      {advice.length > 0 && (
        <div className="urgent-banner" data-testid="monitoring-result-advice">
          <h3>
            <span aria-hidden="true">⚠ </span>
            {t('monitoring.urgent.title')}
          </h3>
          {advice.map((a) => (
            <p key={a.id} className="advice-text">
              {a.patientAdvice}
            </p>
          ))}
          <p className="urgent-why">{t('monitoring.urgent.careTeam')}</p>
        </div>
      )}
      {advice.length === 0 && otherAlerts && <Notice tone="info">{t('monitoring.add.alertRaised')}</Notice>}
      <div className="actions">
        <Button color="primary" onClick={onAnother} data-testid="monitoring-another">
          {t('monitoring.add.another')}
        </Button>
        <Button color="primary" fill="outline" onClick={() => void navigate('/monitoring')}>
          {t('monitoring.add.back')}
        </Button>
      </div>
    </section>
  );
}
