import type { ReadingInput, ReadingRejection } from '@careloop/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { readingOutbox } from '../hooks/monitoring-stores.ts';
import type { SendOutcome } from '../lib/outbox.ts';
import {
  checkDraft,
  emptyDraft,
  ENTRY_TYPES,
  fieldOfRejection,
  GLUCOSE_UNITS,
  NOTE_MAX,
  TEMPERATURE_UNITS,
  unitOf,
  type DraftField,
  type DraftProblem,
  type EntryType,
  type ReadingDraft,
} from '../lib/reading-draft.ts';
import { unitText } from '../lib/reading-format.ts';
import { readUnits, rememberUnits } from '../lib/unit-memory.ts';
import { GlucoseContextChoice } from './GlucoseContextChoice.tsx';
import { RejectionText } from './RejectionText.tsx';

type Done = Extract<SendOutcome, { status: 'sent' | 'queued' }>;

interface MonitoringReadingFormProps {
  patientId: string;
  initialType: EntryType;
  onDone: (outcome: Done) => void;
}

/** Blood pressure, glucose, weight, SpO2, temperature or heart rate, checked as typed, taken "now". */
export function MonitoringReadingForm({ patientId, initialType, onDone }: MonitoringReadingFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReadingDraft>(() => emptyDraft(initialType, readUnits()));
  const [touched, setTouched] = useState(false);
  const [rejection, setRejection] = useState<ReadingRejection | null>(null);
  const checked = checkDraft(draft, 'draft', new Date());
  const words = { perMinute: t('unit.perMinute') };
  const unit = unitText(unitOf(draft), words);

  const save = useMutation({
    mutationFn: (input: ReadingInput) => readingOutbox.submit(patientId, input),
    // The outbox keeps the reading offline itself; the mutation must not wait for the network.
    networkMode: 'always',
    onSuccess: (outcome) => {
      if (outcome.status === 'failed') return;
      const refused = outcome.status === 'sent' ? outcome.result.rejected[0] : undefined;
      if (refused) {
        setRejection(refused);
        return;
      }
      onDone(outcome);
    },
  });
  const failed = save.data?.status === 'failed' ? save.data.error : (save.error ?? null);
  const rejectedField = rejection ? fieldOfRejection(rejection.field, draft.type) : null;

  function problemText(p: DraftProblem | undefined): string | undefined {
    if (!p) return undefined;
    switch (p.code) {
      case 'out_of_range':
        return t('monitoring.add.errors.out_of_range', {
          min: p.min,
          max: p.max,
          unit: unitText(p.unit, words),
        });
      case 'too_long':
        return t('monitoring.add.errors.too_long', { max: p.max });
      case 'required':
      case 'not_a_number':
      case 'systolic_not_above_diastolic':
        return t(`monitoring.add.errors.${p.code}`);
    }
  }

  function errorOf(field: DraftField): string | undefined {
    if (rejection && rejectedField === field) return t(`monitoring.rejection.${rejection.code}`);
    if (!touched) return undefined;
    const problem = checked.errors[field];
    if (field === 'context' && problem?.code === 'required')
      return t('monitoring.add.errors.context_required');
    return problemText(problem);
  }

  function change(changes: Partial<ReadingDraft>) {
    setDraft((d) => ({ ...d, ...changes }));
    setRejection(null);
    save.reset();
  }

  function pickType(type: EntryType) {
    if (type === draft.type) return;
    setDraft((d) => ({
      ...emptyDraft(type, { glucose: d.glucoseUnit, temperature: d.temperatureUnit }),
      note: d.note,
    }));
    setTouched(false);
    setRejection(null);
    save.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    // A new reading each time: its own id (the Idempotency-Key too) and the time it was saved.
    const { input } = checkDraft(draft, crypto.randomUUID(), new Date());
    if (input) {
      rememberUnits({ glucose: draft.glucoseUnit, temperature: draft.temperatureUnit });
      save.mutate(input);
    } else {
      window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  const number = { inputMode: 'decimal' as const, autoComplete: 'off', enterKeyHint: 'done' as const };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="card"
      aria-labelledby="monitoring-form-title"
      data-testid="monitoring-reading-form"
    >
      <h2 id="monitoring-form-title" className="sr-only">
        {t('monitoring.add.title')}
      </h2>
      {rejection && (
        <Notice tone="error">
          <strong>{t('monitoring.add.rejectedTitle')}</strong>
          <p data-testid="monitoring-rejection">
            <RejectionText rejection={rejection} />
          </p>
        </Notice>
      )}
      <ErrorNotice error={failed} />
      <div className="field">
        <span className="field-label" id="monitoring-type-label">
          {t('monitoring.add.type')}
        </span>
        <div className="chips" role="group" aria-labelledby="monitoring-type-label">
          {ENTRY_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className="chip"
              aria-pressed={draft.type === type}
              onClick={() => pickType(type)}
              data-testid={`monitoring-type-${type}`}
            >
              {t(`monitoring.types.${type}`)}
            </button>
          ))}
        </div>
      </div>

      {draft.type === 'blood-pressure' ? (
        <>
          <div className="value-row">
            <TextField
              label={t('monitoring.add.systolic')}
              hint={t('monitoring.add.unitHint', { unit })}
              value={draft.systolic}
              onChange={(systolic) => change({ systolic })}
              error={errorOf('systolic')}
              testId="monitoring-systolic"
              {...number}
            />
            <TextField
              label={t('monitoring.add.diastolic')}
              hint={t('monitoring.add.unitHint', { unit })}
              value={draft.diastolic}
              onChange={(diastolic) => change({ diastolic })}
              error={errorOf('diastolic')}
              testId="monitoring-diastolic"
              {...number}
            />
          </div>
          <TextField
            label={t('monitoring.add.pulse')}
            hint={t('monitoring.add.unitHint', { unit: words.perMinute })}
            value={draft.pulse}
            onChange={(pulse) => change({ pulse })}
            error={errorOf('pulse')}
            optional
            testId="monitoring-pulse"
            {...number}
          />
        </>
      ) : (
        <div className="value-row">
          <TextField
            label={t(`monitoring.types.${draft.type}`)}
            hint={
              draft.type === 'glucose' || draft.type === 'temperature'
                ? undefined
                : t('monitoring.add.unitHint', { unit })
            }
            value={draft.value}
            onChange={(value) => change({ value })}
            error={errorOf('value')}
            testId="monitoring-value"
            {...number}
          />
          {draft.type === 'glucose' && (
            <SelectField
              label={t('monitoring.add.unit')}
              value={draft.glucoseUnit}
              onChange={(glucoseUnit) => change({ glucoseUnit })}
              options={GLUCOSE_UNITS.map((u) => ({ value: u, label: u }))}
              testId="monitoring-unit"
            />
          )}
          {draft.type === 'temperature' && (
            <SelectField
              label={t('monitoring.add.unit')}
              value={draft.temperatureUnit}
              onChange={(temperatureUnit) => change({ temperatureUnit })}
              options={TEMPERATURE_UNITS.map((u) => ({ value: u, label: unitText(u, words) }))}
              testId="monitoring-unit"
            />
          )}
        </div>
      )}

      {draft.type === 'glucose' && (
        <GlucoseContextChoice
          value={draft.context}
          onChange={(context) => change({ context })}
          error={errorOf('context')}
        />
      )}

      <TextField
        label={t('monitoring.add.note')}
        value={draft.note}
        onChange={(note) => change({ note })}
        maxLength={NOTE_MAX}
        optional
        error={errorOf('note')}
        testId="monitoring-note"
      />
      <p className="muted">{t('monitoring.add.takenNow')}</p>
      <div className="actions">
        <Button type="submit" color="primary" block loading={save.isPending} data-testid="monitoring-save">
          {t('monitoring.add.save')}
        </Button>
      </div>
    </form>
  );
}
