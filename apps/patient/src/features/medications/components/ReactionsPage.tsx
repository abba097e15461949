import { Button, Tag } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { fetchReactions, fetchSchedules, reportReaction } from '../api/medications.api.ts';
import '../medications.css';

const SEVERITIES = ['mild', 'moderate', 'severe'] as const;

/** Report a reaction to one of one's drugs (the prescriber is alerted), and see what the doctor said. */
export function ReactionsPage() {
  const { t, i18n } = useTranslation();
  const { patientId, canEdit } = useRecordPatient();
  const client = useQueryClient();
  const ids = { drug: useId(), symptoms: useId(), started: useId() };
  const schedules = useQuery({
    queryKey: ['medications', 'schedules', patientId],
    queryFn: () => fetchSchedules(patientId!),
    enabled: patientId !== undefined,
  });
  const reactions = useQuery({
    queryKey: ['medications', 'reactions', patientId],
    queryFn: () => fetchReactions(patientId!),
    enabled: patientId !== undefined,
  });
  const [itemId, setItemId] = useState('');
  const [symptoms, setSymptoms] = useState('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('mild');
  const [started, setStarted] = useState(() =>
    new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
  );
  const report = useMutation({
    mutationFn: () =>
      reportReaction(patientId!, {
        prescriptionItemId: itemId || schedules.data?.items[0]?.prescriptionItemId || '',
        symptoms,
        severity,
        startedAt: new Date(started).toISOString(),
      }),
    onSuccess: async () => {
      setSymptoms('');
      await client.invalidateQueries({ queryKey: ['medications', 'reactions'] });
    },
  });
  const drugs = schedules.data?.items ?? [];
  return (
    <div className="page stack">
      <PageHeader title={t('meds.reactions.title')} backTo="/medications/today" />
      {(schedules.isLoading || reactions.isLoading) && <Loading />}
      {canEdit && drugs.length > 0 && (
        <form
          className="card"
          aria-labelledby="reaction-form-title"
          onSubmit={(e) => {
            e.preventDefault();
            report.mutate();
          }}
        >
          <h2 id="reaction-form-title">{t('meds.reactions.report')}</h2>
          {report.isSuccess && <Notice tone="success">{t('meds.reactions.sent')}</Notice>}
          <ErrorNotice error={report.error} />
          <div className="field">
            <label className="field-label" htmlFor={ids.drug}>
              {t('meds.reactions.drug')}
            </label>
            <select
              id={ids.drug}
              className="field-input"
              value={itemId}
              onChange={(e) => setItemId(e.target.value)}
            >
              {drugs.map((d) => (
                <option key={d.id} value={d.prescriptionItemId}>
                  {d.drugName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.symptoms}>
              {t('meds.reactions.symptoms')}
            </label>
            <textarea
              id={ids.symptoms}
              className="field-input"
              rows={3}
              maxLength={1000}
              required
              value={symptoms}
              onChange={(e) => setSymptoms(e.target.value)}
              data-testid="reaction-symptoms"
            />
          </div>
          <fieldset className="skip-reasons">
            <legend>{t('meds.reactions.severity')}</legend>
            <div className="seg">
              {SEVERITIES.map((s) => (
                <Button
                  key={s}
                  color={s === severity ? 'primary' : 'default'}
                  aria-pressed={s === severity}
                  onClick={() => setSeverity(s)}
                >
                  {t(`meds.severity.${s}`)}
                </Button>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor={ids.started}>
              {t('meds.reactions.started')}
            </label>
            <input
              id={ids.started}
              className="field-input"
              type="datetime-local"
              value={started}
              onChange={(e) => setStarted(e.target.value)}
            />
          </div>
          <Button
            type="submit"
            color="primary"
            block
            size="large"
            loading={report.isPending}
            disabled={symptoms.trim() === ''}
          >
            {t('meds.reactions.submit')}
          </Button>
        </form>
      )}
      <section className="card" aria-labelledby="reaction-list-title">
        <h2 id="reaction-list-title">{t('meds.reactions.mine')}</h2>
        {reactions.data?.items.length === 0 && <p className="muted">{t('meds.reactions.none')}</p>}
        <ul className="plain-list">
          {reactions.data?.items.map((r) => (
            <li key={r.id} className="card-row">
              <span>
                <strong>{r.drugName}</strong> {r.symptoms}
                <br />
                <span className="muted">{new Date(r.startedAt).toLocaleString(i18n.language)}</span>
                {r.reviewNote && <span className="muted"> · {r.reviewNote}</span>}
              </span>
              <Tag color={r.status === 'reported' ? 'warning' : 'success'}>
                {t(`meds.reactionStatus.${r.status}`)}
              </Tag>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
