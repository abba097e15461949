import type { LifestyleAssessment } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { newIdempotencyKey } from '../api/http.ts';
import { createLifestyle } from '../api/records.api.ts';
import { recordKeys } from '../hooks/record-keys.ts';
import { lifestyleDraft, lifestyleInput, type LifestyleDraft } from '../lib/lifestyle-draft.ts';

const SMOKING = ['never', 'former', 'current'] as const;
const ALCOHOL = ['none', 'occasional', 'regular', 'heavy'] as const;

interface LifestyleFormProps {
  patientId: string;
  latest: LifestyleAssessment | null;
  onDone: (saved: boolean) => void;
}

export function LifestyleForm({ patientId, latest, onDone }: LifestyleFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  const [d, setD] = useState<LifestyleDraft>(() => lifestyleDraft(latest));
  const [tried, setTried] = useState(false);
  const { input, problems } = lifestyleInput(d);
  const save = useMutation({
    mutationFn: () => createLifestyle(patientId, input ?? {}, key.current),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) });
      onDone(true);
    },
  });
  const server = localizedFieldErrors(save.error);
  const error = (field: keyof LifestyleDraft) =>
    server[field] ?? (tried && problems[field] ? t('fieldErrors.invalid') : undefined);
  const set = (changes: Partial<LifestyleDraft>) => setD((old) => ({ ...old, ...changes }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (input) save.mutate();
  }

  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      aria-labelledby="lifestyle-form-title"
      data-testid="lifestyle-form"
    >
      <h2 id="lifestyle-form-title">{t('lifestyle.update')}</h2>
      {tried && problems.form && <Notice tone="error">{t('lifestyle.nothingChosen')}</Notice>}
      {save.error && Object.keys(server).length === 0 && <ErrorNotice error={save.error} />}
      <SelectField
        label={t('lifestyle.smoking')}
        value={d.smoking}
        onChange={(smoking) => set({ smoking })}
        options={SMOKING.map((v) => ({ value: v, label: t(`lifestyle.smokingValues.${v}`) }))}
        error={error('smoking')}
        optional
        testId="lifestyle-smoking"
      />
      {d.smoking === 'current' && (
        <TextField
          label={t('lifestyle.cigarettesPerDay')}
          value={d.cigarettesPerDay}
          onChange={(cigarettesPerDay) => set({ cigarettesPerDay })}
          inputMode="numeric"
          error={error('cigarettesPerDay')}
          optional
        />
      )}
      <SelectField
        label={t('lifestyle.alcohol')}
        value={d.alcohol}
        onChange={(alcohol) => set({ alcohol })}
        options={ALCOHOL.map((v) => ({ value: v, label: t(`lifestyle.alcoholValues.${v}`) }))}
        error={error('alcohol')}
        optional
      />
      <TextField
        label={t('lifestyle.activity')}
        hint={t('lifestyle.activityHint')}
        value={d.activityMinutesPerWeek}
        onChange={(activityMinutesPerWeek) => set({ activityMinutesPerWeek })}
        inputMode="numeric"
        error={error('activityMinutesPerWeek')}
        optional
        testId="lifestyle-activity"
      />
      <TextField
        label={t('lifestyle.sleepHours')}
        value={d.sleepHours}
        onChange={(sleepHours) => set({ sleepHours })}
        inputMode="decimal"
        error={error('sleepHours')}
        optional
      />
      <TextField
        label={t('lifestyle.diet')}
        value={d.diet}
        onChange={(diet) => set({ diet })}
        maxLength={500}
        error={error('diet')}
        optional
      />
      <TextField
        label={t('lifestyle.note')}
        value={d.note}
        onChange={(note) => set({ note })}
        maxLength={2000}
        error={error('note')}
        optional
      />
      <p className="muted">{t('reading.selfReported')}</p>
      <div className="actions">
        <Button type="submit" color="primary" loading={save.isPending} data-testid="lifestyle-save">
          {t('common.save')}
        </Button>
        <Button type="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
