import type { Condition, FamilyHistoryEntry } from '@careloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import {
  conditionBody,
  conditionDraft,
  familyHistoryBody,
  familyHistoryDraft,
  familyHistoryProblems,
  requiredProblems,
} from '../lib/entry-drafts.ts';
import { EntryFormShell, useProblemText, type SectionFormProps } from './entry-form-shared.tsx';
import { Icd10Picker } from './Icd10Picker.tsx';

const CONDITION_STATUSES = ['active', 'recurrence', 'remission', 'resolved', 'inactive'] as const;
const RELATIONS = ['father', 'mother', 'sibling', 'child', 'grandparent', 'other'] as const;

export function ConditionForm({
  entry,
  mode,
  serverErrors,
  pending,
  onSubmit,
  onCancel,
}: SectionFormProps<Condition>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => conditionDraft(entry));
  const [tried, setTried] = useState(false);
  const problems = requiredProblems({ display: draft.display }, ['display']);
  const message = useProblemText(problems, serverErrors, tried);
  return (
    <EntryFormShell
      title={t(mode === 'create' ? 'sectionAdd.conditions' : 'sectionEdit.conditions')}
      pending={pending}
      onCancel={onCancel}
      onSubmit={() => {
        setTried(true);
        if (Object.keys(problems).length === 0) onSubmit(conditionBody(draft, mode));
      }}
    >
      <Icd10Picker
        value={{ icd10: draft.icd10, display: draft.display }}
        onChange={(v) => setDraft((d) => ({ ...d, ...v }))}
        error={message('display', t('condition.displayRequired')) ?? serverErrors.icd10}
      />
      <SelectField
        label={t('condition.clinicalStatus')}
        value={draft.clinicalStatus}
        onChange={(clinicalStatus) => setDraft((d) => ({ ...d, clinicalStatus }))}
        options={CONDITION_STATUSES.map((s) => ({ value: s, label: t(`condition.status.${s}`) }))}
        error={serverErrors.clinicalStatus}
        testId="condition-status"
      />
      <TextField
        label={t('condition.onsetDate')}
        type="date"
        value={draft.onsetDate}
        onChange={(onsetDate) => setDraft((d) => ({ ...d, onsetDate }))}
        error={serverErrors.onsetDate}
        optional
      />
      {(draft.clinicalStatus === 'resolved' || draft.abatedDate !== '') && (
        <TextField
          label={t('condition.abatedDate')}
          type="date"
          value={draft.abatedDate}
          onChange={(abatedDate) => setDraft((d) => ({ ...d, abatedDate }))}
          error={serverErrors.abatedDate}
          optional
        />
      )}
      <TextField
        label={t('condition.note')}
        value={draft.note}
        onChange={(note) => setDraft((d) => ({ ...d, note }))}
        error={serverErrors.note}
        maxLength={2000}
        optional
      />
    </EntryFormShell>
  );
}

export function FamilyHistoryForm(props: SectionFormProps<FamilyHistoryEntry>) {
  const { entry, mode, serverErrors, pending, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => familyHistoryDraft(entry));
  const [tried, setTried] = useState(false);
  const problems = familyHistoryProblems(draft);
  const message = useProblemText(problems, serverErrors, tried);
  return (
    <EntryFormShell
      title={t(mode === 'create' ? 'sectionAdd.family-history' : 'sectionEdit.family-history')}
      pending={pending}
      onCancel={onCancel}
      onSubmit={() => {
        setTried(true);
        if (Object.keys(problems).length === 0) onSubmit(familyHistoryBody(draft, mode));
      }}
    >
      <SelectField
        label={t('familyHistory.relation')}
        value={draft.relation}
        onChange={(relation) => setDraft((d) => ({ ...d, relation }))}
        options={RELATIONS.map((r) => ({ value: r, label: t(`familyHistory.relations.${r}`) }))}
        error={serverErrors.relation}
        testId="family-relation"
      />
      <Icd10Picker
        value={{ icd10: draft.icd10, display: draft.display }}
        onChange={(v) => setDraft((d) => ({ ...d, ...v }))}
        error={message('display', t('condition.displayRequired')) ?? serverErrors.icd10}
      />
      <TextField
        label={t('familyHistory.onsetAge')}
        value={draft.onsetAge}
        onChange={(onsetAge) => setDraft((d) => ({ ...d, onsetAge }))}
        inputMode="numeric"
        error={message('onsetAge')}
        optional
      />
      <TextField
        label={t('familyHistory.note')}
        value={draft.note}
        onChange={(note) => setDraft((d) => ({ ...d, note }))}
        error={serverErrors.note}
        maxLength={2000}
        optional
      />
    </EntryFormShell>
  );
}
