import { Button } from 'antd-mobile';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TRIAGE_TEXT_MAX_CHARS } from '@careloop/contracts';
import { Notice, ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useBookFor } from '../../appointments/hooks/useBookFor.ts';
import { WhoFor } from '../../appointments/components/WhoFor.tsx';
import { useStartTriage } from '../hooks/useTriage.ts';
import '../triage.css';

/** 智能分诊: for whom, then the symptoms in one's own words (Chinese or English). */
export function TriageStartPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const textId = useId();
  const { allowed, patientId, setPatientId, hasProfiles } = useBookFor();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const start = useStartTriage();
  const empty = text.trim() === '';
  const error = tried && empty ? t('triage.start.required') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!patientId || empty) return;
    start.mutate(
      { patientId, text: text.trim() },
      { onSuccess: (s) => void navigate(`/triage/${encodeURIComponent(s.id)}`) },
    );
  }

  return (
    <div className="page stack">
      <PageHeader title={t('triage.title')} backTo="/services" />
      <p className="muted">{t('triage.start.intro')}</p>
      <div className="triage-emergency-hint" data-testid="triage-emergency-hint">
        <p>{t('triage.start.emergencyHint')}</p>
        <a className="triage-call-link" href="tel:120" data-testid="triage-call-hint">
          {t('triage.emergency.call', { number: '120' })}
        </a>
      </div>
      {allowed.length === 0 && hasProfiles && <Notice tone="info">{t('triage.start.noScope')}</Notice>}
      <form className="stack" onSubmit={submit} noValidate data-testid="triage-form">
        <WhoFor
          allowed={allowed}
          value={patientId}
          onChange={setPatientId}
          legend={t('triage.start.who')}
          testId="triage-for"
        />
        <div className="field">
          <label className="field-label" htmlFor={textId}>
            {t('triage.start.label')}
          </label>
          <textarea
            id={textId}
            className="field-input triage-textarea"
            rows={4}
            maxLength={TRIAGE_TEXT_MAX_CHARS}
            value={text}
            onChange={(e) => setText(e.target.value)}
            lang={i18n.language}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${textId}-hint${error ? ` ${textId}-error` : ''}`}
            data-testid="triage-text"
          />
          <span className="field-hint" id={`${textId}-hint`}>
            {t('triage.start.hint')}
          </span>
          {error && (
            <span className="field-error" id={`${textId}-error`} role="alert">
              {error}
            </span>
          )}
        </div>
        <ErrorNotice error={start.error} />
        <Button
          block
          color="primary"
          type="submit"
          loading={start.isPending}
          disabled={!patientId}
          data-testid="triage-submit"
        >
          {t('triage.start.submit')}
        </Button>
      </form>
    </div>
  );
}
