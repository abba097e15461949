import { fromLocalInput, toLocalInput } from './format';

// The form model of the record's entries: each kind lists its fields and their types once; values go from an
// entry to the form (strings for native date inputs, numbers for number inputs) and back to a create body or to
// a PATCH body that carries only what changed (the server lets a clinician change only the status fields of a
// patient's self-reported entry, so unchanged text must not be sent back).

export type EntryKindKey =
  'conditions' | 'allergies' | 'medications' | 'procedures' | 'family-history' | 'encounters';

export type FieldType = 'text' | 'date' | 'datetime' | 'int' | 'enum' | 'icd10';

export interface FieldSpec {
  name: string;
  type: FieldType;
}

export type FormValue = string | number | null | undefined;
export type FormValues = Record<string, FormValue>;
type Body = Record<string, string | number | null>;

export const ENTRY_FIELDS: Record<EntryKindKey, readonly FieldSpec[]> = {
  conditions: [
    { name: 'icd10', type: 'icd10' },
    { name: 'display', type: 'text' },
    { name: 'clinicalStatus', type: 'enum' },
    { name: 'onsetDate', type: 'date' },
    { name: 'abatedDate', type: 'date' },
    { name: 'note', type: 'text' },
  ],
  allergies: [
    { name: 'substance', type: 'text' },
    { name: 'category', type: 'enum' },
    { name: 'reaction', type: 'text' },
    { name: 'severity', type: 'enum' },
    { name: 'status', type: 'enum' },
    { name: 'notedOn', type: 'date' },
    { name: 'note', type: 'text' },
  ],
  medications: [
    { name: 'name', type: 'text' },
    { name: 'dose', type: 'text' },
    { name: 'route', type: 'text' },
    { name: 'frequency', type: 'text' },
    { name: 'reason', type: 'text' },
    { name: 'status', type: 'enum' },
    { name: 'startedOn', type: 'date' },
    { name: 'stoppedOn', type: 'date' },
    { name: 'note', type: 'text' },
  ],
  procedures: [
    { name: 'name', type: 'text' },
    { name: 'kind', type: 'enum' },
    { name: 'performedOn', type: 'date' },
    { name: 'outcome', type: 'text' },
    { name: 'note', type: 'text' },
  ],
  'family-history': [
    { name: 'relation', type: 'enum' },
    { name: 'icd10', type: 'icd10' },
    { name: 'display', type: 'text' },
    { name: 'onsetAge', type: 'int' },
    { name: 'note', type: 'text' },
  ],
  encounters: [
    { name: 'kind', type: 'enum' },
    { name: 'startedAt', type: 'datetime' },
    { name: 'endedAt', type: 'datetime' },
    { name: 'department', type: 'text' },
    { name: 'practitioner', type: 'text' },
    { name: 'reason', type: 'text' },
    { name: 'summary', type: 'text' },
  ],
};

/** Fields a clinician may change on a patient's self-reported entry (mirrors the server's entry kinds). */
export const STATUS_FIELDS: Record<EntryKindKey, readonly string[]> = {
  conditions: ['clinicalStatus', 'abatedDate'],
  allergies: ['status'],
  medications: ['status', 'stoppedOn'],
  procedures: [],
  'family-history': [],
  encounters: ['endedAt'],
};

/** What a new entry's form starts with. */
export const ENTRY_DEFAULTS: Record<EntryKindKey, FormValues> = {
  conditions: { clinicalStatus: 'active' },
  allergies: { category: 'drug', severity: 'unknown', status: 'active' },
  medications: { status: 'active' },
  procedures: { kind: 'procedure' },
  'family-history': {},
  encounters: { kind: 'outpatient' },
};

/** One field's form value as the body value: trimmed text, null when empty. */
function bodyValue(type: FieldType, value: FormValue): string | number | null {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'int': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      return String(value).trim() === '' || !Number.isFinite(n) ? null : Math.trunc(n);
    }
    case 'datetime':
      return fromLocalInput(String(value));
    case 'icd10': {
      const code = String(value).trim().toUpperCase();
      return code === '' ? null : code;
    }
    case 'text':
    case 'date':
    case 'enum': {
      const text = String(value).trim();
      return text === '' ? null : text;
    }
  }
}

/** An entry's stored value as the form shows it. */
function formValue(type: FieldType, value: unknown): FormValue {
  if (value === undefined || value === null) return type === 'int' ? null : '';
  if (type === 'datetime') return toLocalInput(String(value));
  if (type === 'int') return typeof value === 'number' ? value : Number(value);
  return String(value);
}

export function fromEntry(kind: EntryKindKey, entry: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of ENTRY_FIELDS[kind]) values[field.name] = formValue(field.type, entry[field.name]);
  return values;
}

/** The POST body: every field that has a value. */
export function toCreateBody(kind: EntryKindKey, values: FormValues): Body {
  const body: Body = {};
  for (const field of ENTRY_FIELDS[kind]) {
    const value = bodyValue(field.type, values[field.name]);
    if (value !== null) body[field.name] = value;
  }
  return body;
}

/** The PATCH body: the fields whose value differs from the entry's (cleared ones as null), and the version. */
export function toUpdateBody(
  kind: EntryKindKey,
  values: FormValues,
  entry: Record<string, unknown> & { version: number },
): Body & { version: number } {
  const body: Body & { version: number } = { version: entry.version };
  for (const field of ENTRY_FIELDS[kind]) {
    const next = bodyValue(field.type, values[field.name]);
    const before = bodyValue(field.type, formValue(field.type, entry[field.name]));
    if (next !== before) body[field.name] = next;
  }
  return body;
}

/** True when the body changes nothing (only the version): the form closes without a request. */
export function isEmptyUpdate(body: Record<string, unknown>): boolean {
  return Object.keys(body).every((key) => key === 'version');
}
