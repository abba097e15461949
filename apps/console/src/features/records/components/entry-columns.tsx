import type {
  Allergy,
  Condition,
  Encounter,
  FamilyHistoryEntry,
  MedicationStatement,
  Procedure,
} from '@careloop/contracts';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../lib/format';
import type { EntryKindKey } from '../lib/entry-forms';
import { formatDay } from '../lib/format';
import { ToneTag, type Tone } from './ToneTag';

export interface EntryKinds {
  conditions: Condition;
  allergies: Allergy;
  medications: MedicationStatement;
  procedures: Procedure;
  'family-history': FamilyHistoryEntry;
  encounters: Encounter;
}
export type AnyEntry = EntryKinds[EntryKindKey];

const ACTIVE_COLORS: Record<string, Tone> = {
  active: 'blue',
  recurrence: 'orange',
  severe: 'red',
  moderate: 'orange',
};

function statusTag(text: string, value: string) {
  return <ToneTag tone={ACTIVE_COLORS[value] ?? 'default'}>{text}</ToneTag>;
}

/** The columns each kind's table shows besides source and actions (which EntrySection adds). */
export function entryColumns<K extends EntryKindKey>(
  kind: K,
  t: TFunction,
  language: string,
): TableColumnsType<EntryKinds[K]> {
  const day = (value: string | null) => formatDay(value, language);
  switch (kind) {
    case 'conditions':
      return [
        {
          key: 'display',
          title: t('record.fields.display'),
          render: (_, c: Condition) => (
            <span>
              {c.icd10 ? <span className="icd-code">{c.icd10}</span> : null}
              {c.display}
            </span>
          ),
        },
        {
          key: 'status',
          title: t('record.fields.clinicalStatus'),
          render: (_, c: Condition) =>
            statusTag(t(`record.conditionStatus.${c.clinicalStatus}`), c.clinicalStatus),
        },
        { key: 'onset', title: t('record.fields.onsetDate'), render: (_, c: Condition) => day(c.onsetDate) },
        { key: 'note', title: t('record.fields.note'), render: (_, c: Condition) => c.note },
      ] as TableColumnsType<EntryKinds[K]>;
    case 'allergies':
      return [
        {
          key: 'substance',
          title: t('record.fields.substance'),
          render: (_, a: Allergy) => <strong>{a.substance}</strong>,
        },
        {
          key: 'category',
          title: t('record.fields.category'),
          render: (_, a: Allergy) => t(`record.allergyCategory.${a.category}`),
        },
        { key: 'reaction', title: t('record.fields.reaction'), render: (_, a: Allergy) => a.reaction },
        {
          key: 'severity',
          title: t('record.fields.severity'),
          render: (_, a: Allergy) => statusTag(t(`record.allergySeverity.${a.severity}`), a.severity),
        },
        {
          key: 'status',
          title: t('record.fields.status'),
          render: (_, a: Allergy) => t(`record.allergyStatus.${a.status}`),
        },
      ] as TableColumnsType<EntryKinds[K]>;
    case 'medications':
      return [
        {
          key: 'name',
          title: t('record.fields.name'),
          render: (_, m: MedicationStatement) => <strong>{m.name}</strong>,
        },
        {
          key: 'dose',
          title: `${t('record.fields.dose')} / ${t('record.fields.frequency')}`,
          render: (_, m: MedicationStatement) => [m.dose, m.route, m.frequency].filter(Boolean).join(' · '),
        },
        { key: 'reason', title: t('record.fields.reason'), render: (_, m: MedicationStatement) => m.reason },
        {
          key: 'status',
          title: t('record.fields.status'),
          render: (_, m: MedicationStatement) =>
            statusTag(t(`record.medicationStatus.${m.status}`), m.status),
        },
        {
          key: 'period',
          title: t('record.fields.startedOn'),
          className: 'nowrap',
          render: (_, m: MedicationStatement) =>
            [day(m.startedOn), m.stoppedOn ? day(m.stoppedOn) : ''].filter(Boolean).join(' – '),
        },
      ] as TableColumnsType<EntryKinds[K]>;
    case 'procedures':
      return [
        {
          key: 'name',
          title: t('record.fields.name'),
          render: (_, p: Procedure) => <strong>{p.name}</strong>,
        },
        {
          key: 'kind',
          title: t('record.fields.kind'),
          render: (_, p: Procedure) => t(`record.procedureKind.${p.kind}`),
        },
        {
          key: 'date',
          title: t('record.fields.performedOn'),
          className: 'nowrap',
          render: (_, p: Procedure) => day(p.performedOn),
        },
        { key: 'outcome', title: t('record.fields.outcome'), render: (_, p: Procedure) => p.outcome },
      ] as TableColumnsType<EntryKinds[K]>;
    case 'family-history':
      return [
        {
          key: 'relation',
          title: t('record.fields.relation'),
          render: (_, f: FamilyHistoryEntry) => t(`record.relation.${f.relation}`),
        },
        {
          key: 'display',
          title: t('record.fields.display'),
          render: (_, f: FamilyHistoryEntry) => (
            <span>
              {f.icd10 ? <span className="icd-code">{f.icd10}</span> : null}
              {f.display}
            </span>
          ),
        },
        {
          key: 'age',
          title: t('record.fields.onsetAge'),
          render: (_, f: FamilyHistoryEntry) => f.onsetAge ?? '',
        },
      ] as TableColumnsType<EntryKinds[K]>;
    case 'encounters':
      return [
        {
          key: 'started',
          title: t('record.fields.startedAt'),
          className: 'nowrap',
          render: (_, e: Encounter) => formatDateTime(e.startedAt, language),
        },
        {
          key: 'kind',
          title: t('record.fields.kind'),
          render: (_, e: Encounter) => t(`record.encounterKind.${e.kind}`),
        },
        {
          key: 'where',
          title: `${t('record.fields.department')} / ${t('record.fields.practitioner')}`,
          render: (_, e: Encounter) => [e.department, e.practitioner].filter(Boolean).join(' · '),
        },
        { key: 'reason', title: t('record.fields.reason'), render: (_, e: Encounter) => e.reason },
      ] as TableColumnsType<EntryKinds[K]>;
  }
  return [];
}
