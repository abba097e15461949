import { Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKindKey } from '../lib/entry-forms';
import {
  ALLERGY_CATEGORIES,
  ALLERGY_SEVERITIES,
  ALLERGY_STATUSES,
  CONDITION_STATUSES,
  ENCOUNTER_KINDS,
  FAMILY_RELATIONS,
  MEDICATION_STATUSES,
  PROCEDURE_KINDS,
} from '../lib/record-types';
import { Icd10Select } from './Icd10Select';

type FieldName =
  | 'icd10'
  | 'display'
  | 'clinicalStatus'
  | 'onsetDate'
  | 'abatedDate'
  | 'note'
  | 'substance'
  | 'category'
  | 'reaction'
  | 'severity'
  | 'status'
  | 'notedOn'
  | 'name'
  | 'dose'
  | 'route'
  | 'frequency'
  | 'reason'
  | 'startedOn'
  | 'stoppedOn'
  | 'kind'
  | 'performedOn'
  | 'outcome'
  | 'relation'
  | 'onsetAge'
  | 'startedAt'
  | 'endedAt'
  | 'department'
  | 'practitioner'
  | 'summary';

interface Props {
  kind: EntryKindKey;
  /** Fields that may be changed; others are shown disabled (a patient's own words on a self-reported entry). */
  editable: (field: string) => boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The form fields of one kind of entry, with their client-side rules; server field errors land on the same names. */
export function EntryFormFields({ kind, editable }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const initialDisplay: unknown = form.getFieldValue('display');
  const label = (name: FieldName) => t(`record.fields.${name}`);
  const required = (name: FieldName): Rule[] => [
    { required: true, message: t('record.fields.required', { field: label(name) }) },
  ];

  const text = (name: FieldName, max: number, rules: Rule[] = [], area = false): ReactNode => (
    <Form.Item key={name} name={name} label={label(name)} rules={[...rules, { max, message: `≤ ${max}` }]}>
      {area ? (
        <Input.TextArea rows={3} maxLength={max} disabled={!editable(name)} />
      ) : (
        <Input maxLength={max} disabled={!editable(name)} data-testid={`entry-${name}`} />
      )}
    </Form.Item>
  );
  const date = (name: FieldName): ReactNode => (
    <Form.Item key={name} name={name} label={label(name)}>
      <Input type="date" max={today()} disabled={!editable(name)} />
    </Form.Item>
  );
  const dateTime = (name: FieldName, rules: Rule[] = []): ReactNode => (
    <Form.Item key={name} name={name} label={label(name)} rules={rules}>
      <Input type="datetime-local" disabled={!editable(name)} />
    </Form.Item>
  );
  const choice = (
    name: FieldName,
    values: readonly string[],
    prefix: string,
    rules: Rule[] = [],
  ): ReactNode => (
    <Form.Item key={name} name={name} label={label(name)} rules={rules}>
      <Select
        disabled={!editable(name)}
        options={values.map((value) => ({
          value,
          label: t(`${prefix}.${value}` as 'record.relation.father'),
        }))}
        data-testid={`entry-${name}`}
      />
    </Form.Item>
  );
  const coded = (): ReactNode[] => [
    <Form.Item key="icd10" name="icd10" label={label('icd10')}>
      <Icd10Select
        disabled={!editable('icd10')}
        currentName={typeof initialDisplay === 'string' ? initialDisplay : undefined}
        onPicked={(entry) => {
          // The picked code names the diagnosis; the name stays editable (a finer clinical wording).
          if (entry) form.setFieldValue('display', entry.name);
        }}
      />
    </Form.Item>,
    text('display', 200, [
      ({ getFieldValue }) => ({
        validator: (_, value: unknown) =>
          getFieldValue('icd10') || (typeof value === 'string' && value.trim())
            ? Promise.resolve()
            : Promise.reject(new Error(t('record.fields.displayOrCode'))),
      }),
    ]),
  ];

  switch (kind) {
    case 'conditions':
      return [
        ...coded(),
        choice('clinicalStatus', CONDITION_STATUSES, 'record.conditionStatus', required('clinicalStatus')),
        <div key="dates" className="form-row">
          {date('onsetDate')}
          {date('abatedDate')}
        </div>,
        text('note', 2000, [], true),
      ];
    case 'allergies':
      return [
        text('substance', 120, required('substance')),
        <div key="kind" className="form-row">
          {choice('category', ALLERGY_CATEGORIES, 'record.allergyCategory', required('category'))}
          {choice('severity', ALLERGY_SEVERITIES, 'record.allergySeverity')}
          {choice('status', ALLERGY_STATUSES, 'record.allergyStatus')}
        </div>,
        text('reaction', 300),
        date('notedOn'),
        text('note', 2000, [], true),
      ];
    case 'medications':
      return [
        text('name', 120, required('name')),
        <div key="dose" className="form-row">
          {text('dose', 80)}
          {text('route', 40)}
          {text('frequency', 40)}
        </div>,
        text('reason', 200),
        <div key="status" className="form-row">
          {choice('status', MEDICATION_STATUSES, 'record.medicationStatus')}
          {date('startedOn')}
          {date('stoppedOn')}
        </div>,
        text('note', 2000, [], true),
      ];
    case 'procedures':
      return [
        text('name', 200, required('name')),
        <div key="kind" className="form-row">
          {choice('kind', PROCEDURE_KINDS, 'record.procedureKind')}
          {date('performedOn')}
        </div>,
        text('outcome', 500),
        text('note', 2000, [], true),
      ];
    case 'family-history':
      return [
        choice('relation', FAMILY_RELATIONS, 'record.relation', required('relation')),
        ...coded(),
        <Form.Item key="onsetAge" name="onsetAge" label={label('onsetAge')}>
          <InputNumber min={0} max={130} precision={0} disabled={!editable('onsetAge')} />
        </Form.Item>,
        text('note', 2000, [], true),
      ];
    case 'encounters':
      return [
        choice('kind', ENCOUNTER_KINDS, 'record.encounterKind', required('kind')),
        <div key="times" className="form-row">
          {dateTime('startedAt', required('startedAt'))}
          {dateTime('endedAt')}
        </div>,
        <div key="where" className="form-row">
          {text('department', 80)}
          {text('practitioner', 80)}
        </div>,
        text('reason', 500),
        text('summary', 5000, [], true),
      ];
  }
}
