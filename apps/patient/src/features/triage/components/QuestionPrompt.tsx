import type { TriageAnswerBody, TriageQuestion } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface QuestionPromptProps {
  question: TriageQuestion;
  busy: boolean;
  onAnswer: (body: TriageAnswerBody) => void;
}

/** The waiting question: one chip per answer (or a number within its range), and "skip". */
export function QuestionPrompt({ question, busy, onAnswer }: QuestionPromptProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [value, setValue] = useState('');
  const [tried, setTried] = useState(false);
  const number = Number(value);
  const valid =
    value.trim() !== '' &&
    Number.isFinite(number) &&
    (question.min === null || number >= question.min) &&
    (question.max === null || number <= question.max);

  function submitNumber(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (valid) onAnswer({ questionId: question.id, answer: number });
  }

  return (
    <section
      className="triage-question"
      aria-labelledby={`${inputId}-q`}
      data-testid="triage-question"
      data-question-id={question.id}
    >
      <h2 id={`${inputId}-q`} className="triage-question-text">
        {question.text}
      </h2>
      {question.answerType === 'choice' && (
        <div className="chips" role="group" aria-labelledby={`${inputId}-q`}>
          {question.options.map((o) => (
            <button
              key={o.value}
              type="button"
              className="chip"
              disabled={busy}
              onClick={() => onAnswer({ questionId: question.id, answer: o.value })}
              data-testid="triage-option"
              data-value={o.value}
            >
              {o.label}
            </button>
          ))}
        </div>
      )}
      {question.answerType === 'number' && (
        <form className="triage-number" onSubmit={submitNumber} noValidate>
          <label htmlFor={inputId} className="sr-only">
            {question.text}
          </label>
          <input
            id={inputId}
            className="field-input"
            type="number"
            inputMode="decimal"
            min={question.min ?? undefined}
            max={question.max ?? undefined}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={tried && !valid ? true : undefined}
            aria-describedby={tried && !valid ? `${inputId}-error` : undefined}
            data-testid="triage-number"
          />
          {question.unit && <span>{question.unit}</span>}
          <Button type="submit" color="primary" loading={busy} data-testid="triage-number-submit">
            {t('triage.chat.send')}
          </Button>
          {tried && !valid && (
            <span className="field-error" id={`${inputId}-error`} role="alert">
              {t('triage.chat.numberRange', { min: question.min ?? '', max: question.max ?? '' })}
            </span>
          )}
        </form>
      )}
      <button
        type="button"
        className="link-button triage-skip"
        disabled={busy}
        onClick={() => onAnswer({ questionId: question.id, skip: true })}
        data-testid="triage-skip"
      >
        {t('triage.chat.skip')}
      </button>
    </section>
  );
}
