import type { Allergy, MedicationStatement, Procedure } from '@careloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import {
  allergyBody,
  allergyDraft,
  medicationBody,
  medicationDraft,
  procedureBody,
  procedureDraft,
  requiredProblems,
} from '../lib/entry-drafts.ts';
import { EntryFormShell, useProblemText, type SectionFormProps } from './entry-form-shared.tsx';

const CATEGORIES = ['drug', 'food', 'environment', 'other'] as const;
const SEVERITIES = ['mild', 'moderate', 'severe', 'unknown'] as const;
const ALLERGY_STATUSES = ['active', 'inactive', 'resolved'] as const;
const MEDICATION_STATUSES = ['active', 'stopped', 'completed', 'on_hold'] as const;
const PROCEDURE_KINDS = ['surgery', 'procedure', 'imaging', 'other'] as const;

export function AllergyForm({
  entry,
  mode,
  serverErrors,
  pending,
  onSubmit,
  onCancel,
}: SectionFormProps<Allergy>) {
  const { t } = useTranslation();
  const [d, setD] = useState(() => allergyDraft(entry));
  const [tried, setTried] = useState(false);
  const problems = requiredProblems({ substance: d.substance }, ['substance']);
  const message = useProblemText(problems, serverErrors, tried);
  const set = (changes: Partial<typeof d>) => setD((old) => ({ ...old, ...changes }));
  return (
    <EntryFormShell
      title={t(mode === 'create' ? 'sectionAdd.allergies' : 'sectionEdit.allergies')}
      pending={pending}
      onCancel={onCancel}
      onSubmit={() => {
        setTried(true);
        if (Object.keys(problems).length === 0) onSubmit(allergyBody(d, mode));
      }}
    >
      <TextField
        label={t('allergy.substance')}
        value={d.substance}
        onChange={(substance) => set({ substance })}
        error={message('substance')}
        maxLength={120}
        testId="allergy-substance"
      />
      <SelectField
        label={t('allergy.category')}
        value={d.category}
        onChange={(category) => set({ category })}
        options={CATEGORIES.map((v) => ({ value: v, label: t(`allergy.categories.${v}`) }))}
        error={serverErrors.category}
      />
      <TextField
        label={t('allergy.reaction')}
        value={d.reaction}
        onChange={(reaction) => set({ reaction })}
        error={serverErrors.reaction}
        maxLength={300}
        optional
      />
      <SelectField
        label={t('allergy.severity')}
        value={d.severity}
        onChange={(severity) => set({ severity })}
        options={SEVERITIES.map((v) => ({ value: v, label: t(`allergy.severities.${v}`) }))}
        error={serverErrors.severity}
      />
      <SelectField
        label={t('allergy.status')}
        value={d.status}
        onChange={(status) => set({ status })}
        options={ALLERGY_STATUSES.map((v) => ({ value: v, label: t(`allergy.statuses.${v}`) }))}
        error={serverErrors.status}
      />
      <TextField
        label={t('allergy.notedOn')}
        type="date"
        value={d.notedOn}
        onChange={(notedOn) => set({ notedOn })}
        error={serverErrors.notedOn}
        optional
      />
      <TextField
        label={t('allergy.note')}
        value={d.note}
        onChange={(note) => set({ note })}
        error={serverErrors.note}
        maxLength={2000}
        optional
      />
    </EntryFormShell>
  );
}

export function MedicationForm(props: SectionFormProps<MedicationStatement>) {
  const { entry, mode, serverErrors, pending, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const [d, setD] = useState(() => medicationDraft(entry));
  const [tried, setTried] = useState(false);
  const problems = requiredProblems({ name: d.name }, ['name']);
  const message = useProblemText(problems, serverErrors, tried);
  const set = (changes: Partial<typeof d>) => setD((old) => ({ ...old, ...changes }));
  return (
    <EntryFormShell
      title={t(mode === 'create' ? 'sectionAdd.medications' : 'sectionEdit.medications')}
      pending={pending}
      onCancel={onCancel}
      onSubmit={() => {
        setTried(true);
        if (Object.keys(problems).length === 0) onSubmit(medicationBody(d, mode));
      }}
    >
      <TextField
        label={t('medication.name')}
        value={d.name}
        onChange={(name) => set({ name })}
        error={message('name')}
        maxLength={120}
        testId="medication-name"
      />
      <TextField
        label={t('medication.dose')}
        hint={t('medication.doseHint')}
        value={d.dose}
        onChange={(dose) => set({ dose })}
        error={serverErrors.dose}
        maxLength={80}
        optional
      />
      <TextField
        label={t('medication.frequency')}
        hint={t('medication.frequencyHint')}
        value={d.frequency}
        onChange={(frequency) => set({ frequency })}
        error={serverErrors.frequency}
        maxLength={40}
        optional
      />
      <TextField
        label={t('medication.route')}
        value={d.route}
        onChange={(route) => set({ route })}
        error={serverErrors.route}
        maxLength={40}
        optional
      />
      <TextField
        label={t('medication.reason')}
        value={d.reason}
        onChange={(reason) => set({ reason })}
        error={serverErrors.reason}
        maxLength={200}
        optional
      />
      <SelectField
        label={t('medication.status')}
        value={d.status}
        onChange={(status) => set({ status })}
        options={MEDICATION_STATUSES.map((v) => ({ value: v, label: t(`medication.statuses.${v}`) }))}
        error={serverErrors.status}
      />
      <TextField
        label={t('medication.startedOn')}
        type="date"
        value={d.startedOn}
        onChange={(startedOn) => set({ startedOn })}
        error={serverErrors.startedOn}
        optional
      />
      {(d.status !== 'active' || d.stoppedOn !== '') && (
        <TextField
          label={t('medication.stoppedOn')}
          type="date"
          value={d.stoppedOn}
          onChange={(stoppedOn) => set({ stoppedOn })}
          error={serverErrors.stoppedOn}
          optional
        />
      )}
      <TextField
        label={t('medication.note')}
        value={d.note}
        onChange={(note) => set({ note })}
        error={serverErrors.note}
        maxLength={2000}
        optional
      />
    </EntryFormShell>
  );
}

export function ProcedureForm({
  entry,
  mode,
  serverErrors,
  pending,
  onSubmit,
  onCancel,
}: SectionFormProps<Procedure>) {
  const { t } = useTranslation();
  const [d, setD] = useState(() => procedureDraft(entry));
  const [tried, setTried] = useState(false);
  const problems = requiredProblems({ name: d.name }, ['name']);
  const message = useProblemText(problems, serverErrors, tried);
  const set = (changes: Partial<typeof d>) => setD((old) => ({ ...old, ...changes }));
  return (
    <EntryFormShell
      title={t(mode === 'create' ? 'sectionAdd.procedures' : 'sectionEdit.procedures')}
      pending={pending}
      onCancel={onCancel}
      onSubmit={() => {
        setTried(true);
        if (Object.keys(problems).length === 0) onSubmit(procedureBody(d, mode));
      }}
    >
      <TextField
        label={t('procedure.name')}
        value={d.name}
        onChange={(name) => set({ name })}
        error={message('name')}
        maxLength={200}
        testId="procedure-name"
      />
      <SelectField
        label={t('procedure.kind')}
        value={d.kind}
        onChange={(kind) => set({ kind })}
        options={PROCEDURE_KINDS.map((v) => ({ value: v, label: t(`procedure.kinds.${v}`) }))}
        error={serverErrors.kind}
      />
      <TextField
        label={t('procedure.performedOn')}
        type="date"
        value={d.performedOn}
        onChange={(performedOn) => set({ performedOn })}
        error={serverErrors.performedOn}
        optional
      />
      <TextField
        label={t('procedure.outcome')}
        value={d.outcome}
        onChange={(outcome) => set({ outcome })}
        error={serverErrors.outcome}
        maxLength={500}
        optional
      />
      <TextField
        label={t('procedure.note')}
        value={d.note}
        onChange={(note) => set({ note })}
        error={serverErrors.note}
        maxLength={2000}
        optional
      />
    </EntryFormShell>
  );
}
