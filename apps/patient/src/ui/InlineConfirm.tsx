import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface InlineConfirmProps {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  testId?: string;
}

/** Asks "are you sure?" in place instead of in a pop-up (elder-friendly: no dialogs, no time limit). */
export function InlineConfirm({ label, question, onConfirm, busy, testId }: InlineConfirmProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button size="small" color="danger" fill="outline" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={question} className="stack" style={{ gap: 8 }}>
      <p>{question}</p>
      <div className="actions" style={{ marginTop: 0 }}>
        <Button
          size="small"
          color="danger"
          loading={busy}
          onClick={onConfirm}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {t('confirm.yes')}
        </Button>
        <Button size="small" onClick={() => setAsking(false)}>
          {t('confirm.no')}
        </Button>
      </div>
    </div>
  );
}
