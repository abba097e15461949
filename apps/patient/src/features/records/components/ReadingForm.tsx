import type { Observation } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.ts';
import { fieldMessage } from '../../../api/field-errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { newIdempotencyKey } from '../api/http.ts';
import { createObservation } from '../api/records.api.ts';
import { recordKeys } from '../hooks/record-keys.ts';
import {
  BLOOD_PRESSURE,
  checkReading,
  emptyDraft,
  localDateTimeValue,
  serverFieldFor,
  type ReadingDraft,
  type ReadingField,
  type ReadingItem,
  type ReadingProblem,
} from '../lib/reading-form-model.ts';
import { displayUnit } from '../lib/units.ts';

interface ReadingFormProps {
  patientId: string;
  items: readonly ReadingItem[];
  initialItemId: string;
  onSaved: (item: ReadingItem, observations: Observation[]) => void;
}

export function ReadingForm({ patientId, items, initialItemId, onSaved }: ReadingFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const selectId = useId();
  const unitId = useId();
  const first = items.find((i) => i.id === initialItemId) ?? items[0];
  const [draft, setDraft] = useState<ReadingDraft>(() =>
    emptyDraft(first?.id ?? '', first?.unit ?? '', new Date()),
  );
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ReadingField, string>>>({});
  // Observations already stored by this submission (blood pressure is two requests), and the keys that make
  // a repeated request harmless.
  const stored = useRef<Observation[]>([]);
  const keys = useRef<string[]>([]);
  const item = items.find((i) => i.id === draft.itemId);
  const isBp = item?.id === BLOOD_PRESSURE;
  const unitText = (unit: string) => displayUnit(unit, t('unit.perMinute'));
  const checked = checkReading(draft, item, new Date());
  const problemText = (p: ReadingProblem | undefined) =>
    p &&
    (p.code === 'out_of_range'
      ? t('reading.errors.out_of_range', { min: p.min, max: p.max, unit: unitText(p.unit) })
      : p.code === 'too_long'
        ? t('reading.errors.too_long', { max: p.max })
        : t(`reading.errors.${p.code}`));
  const errorOf = (field: ReadingField) =>
    serverErrors[field] ?? (touched ? problemText(checked.errors[field]) : undefined);

  const save = useMutation({
    mutationFn: async () => {
      const inputs = checked.inputs ?? [];
      for (let index = stored.current.length; index < inputs.length; index += 1) {
        const input = inputs[index];
        if (!input) continue;
        const key = keys.current[index] ?? newIdempotencyKey();
        keys.current[index] = key;
        try {
          stored.current.push(await createObservation(patientId, input, key));
        } catch (error) {
          throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
            requestIndex: index,
          });
        }
      }
      return stored.current;
    },
    onSuccess: (observations) => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) });
      if (item) onSaved(item, observations);
    },
    onError: (error) => {
      const index = (error as { requestIndex?: number }).requestIndex ?? 0;
      if (!(error instanceof ApiError)) return;
      const next: Partial<Record<ReadingField, string>> = {};
      for (const e of error.errors) {
        const field = serverFieldFor(e.path, index);
        if (field) next[field] ??= fieldMessage(e.message);
      }
      setServerErrors(next);
      if (stored.current.length > 0)
        void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) });
    },
  });

  function change(changes: Partial<ReadingDraft>) {
    setDraft((d) => ({ ...d, ...changes }));
    setServerErrors({});
    // A changed value is a new request: it gets a new key (values already stored stay stored).
    keys.current = keys.current.slice(0, stored.current.length);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (checked.inputs) save.mutate();
    else document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  const fieldErrorsShown = Object.keys(serverErrors).length > 0;
  const partial = isBp && stored.current.length === 1;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="card"
      aria-labelledby="reading-form-title"
      data-testid="reading-form"
    >
      <h2 id="reading-form-title" className="sr-only">
        {t('reading.title')}
      </h2>
      {partial && <Notice tone="info">{t('reading.partial')}</Notice>}
      {save.error && !fieldErrorsShown && <ErrorNotice error={save.error} />}
      <div className="field">
        <label className="field-label" htmlFor={selectId}>
          {t('reading.item')}
        </label>
        <select
          id={selectId}
          className="field-input"
          value={draft.itemId}
          disabled={stored.current.length > 0}
          onChange={(e) => {
            const next = items.find((i) => i.id === e.target.value);
            if (next) change({ itemId: next.id, unit: next.unit, value: '', value2: '' });
          }}
          data-testid="reading-item"
        >
          {[true, false].map((common) => (
            <optgroup key={String(common)} label={common ? t('reading.common') : t('reading.others')}>
              {items
                .filter((i) => i.common === common)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i18n.language === 'zh-CN' ? i.zh : i.en}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="value-row">
        <TextField
          label={isBp ? t('reading.systolic') : t('reading.value')}
          hint={
            item && item.units.length <= 1 ? t('reading.unitHint', { unit: unitText(item.unit) }) : undefined
          }
          value={draft.value}
          onChange={(value) => change({ value })}
          inputMode="decimal"
          autoComplete="off"
          disabled={stored.current.length > 0}
          error={errorOf('value')}
          testId="reading-value"
        />
        {isBp && (
          <TextField
            label={t('reading.diastolic')}
            hint={item.units.length <= 1 ? t('reading.unitHint', { unit: unitText(item.unit) }) : undefined}
            value={draft.value2}
            onChange={(value2) => change({ value2 })}
            inputMode="decimal"
            autoComplete="off"
            error={errorOf('value2')}
            testId="reading-value2"
          />
        )}
      </div>
      {item && item.units.length > 1 && (
        <div className="field">
          <label className="field-label" htmlFor={unitId}>
            {t('reading.unit')}
          </label>
          <select
            id={unitId}
            className="field-input"
            value={draft.unit}
            onChange={(e) => change({ unit: e.target.value })}
            aria-invalid={errorOf('unit') ? true : undefined}
            data-testid="reading-unit"
          >
            {item.units.map((u) => (
              <option key={u} value={u}>
                {unitText(u)}
              </option>
            ))}
          </select>
          {errorOf('unit') && (
            <span className="field-error" role="alert">
              {errorOf('unit')}
            </span>
          )}
        </div>
      )}
      <TextField
        label={t('reading.time')}
        type="datetime-local"
        value={draft.effectiveAt}
        max={localDateTimeValue(new Date())}
        onChange={(effectiveAt) => change({ effectiveAt })}
        error={errorOf('effectiveAt')}
        testId="reading-time"
      />
      <TextField
        label={t('reading.note')}
        value={draft.note}
        onChange={(note) => change({ note })}
        maxLength={1000}
        optional
        error={errorOf('note')}
        testId="reading-note"
      />
      <p className="muted">{t('reading.selfReported')}</p>
      <div className="actions">
        <Button type="submit" color="primary" block loading={save.isPending} data-testid="reading-save">
          {t('reading.save')}
        </Button>
      </div>
    </form>
  );
}
