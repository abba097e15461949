import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { displayUnit } from './format';

// Field messages the records routes answer with as codes (`unknown_code`, `before_start`); shown translated next to
// the field. Other messages pass through (problems.ts translates the shared ones).
const RECORD_FIELD_CODES = [
  'icd10_or_display_required',
  'value_or_value_text_required',
  'unknown_code',
  'unknown_loinc',
  'required_for_local_code',
  'self_reported',
  'before_start',
  'self_only',
] as const;
type RecordFieldCode = (typeof RECORD_FIELD_CODES)[number];

function isRecordFieldCode(message: string): message is RecordFieldCode {
  return (RECORD_FIELD_CODES as readonly string[]).includes(message);
}

/** `outside 2-25 %`: the plausible limits of a value, as the observation writer words them. */
const OUTSIDE = /^outside (-?[\d.]+)-(-?[\d.]+)\s*(.*)$/;

function fieldText(message: string, t: TFunction): string {
  if (isRecordFieldCode(message)) return t(`record.fieldErrors.${message}`);
  const outside = OUTSIDE.exec(message);
  if (outside) {
    const [, min = '', max = '', unit = ''] = outside;
    return t('record.fieldErrors.outside', { range: `${min}–${max}${unit ? ` ${displayUnit(unit)}` : ''}` });
  }
  return message;
}

/** The same problem with the records' field codes in the UI language, ready for `applyFieldErrors`. */
export function localizeFieldErrors(error: unknown, t: TFunction): unknown {
  if (!(error instanceof ApiError) || error.errors.length === 0) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    title: error.title,
    detail: error.detail,
    errors: error.errors.map((problem) => ({
      path: problem.path.replace(/^body\./, ''),
      message: fieldText(problem.message, t),
    })),
  });
}
