import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';
import { zhCN } from '../i18n/zh-CN';

// Field messages the contracts' validators answer with as codes (`checksum`, `invalid_phone`), shown translated.
type FieldErrorCode = keyof typeof zhCN.fieldErrors;
const FIELD_ERROR_CODES = new Set<string>(Object.keys(zhCN.fieldErrors));

function fieldMessage(message: string): string {
  return FIELD_ERROR_CODES.has(message) ? i18n.t(`fieldErrors.${message as FieldErrorCode}`) : message;
}

/** What to tell the person about a failed call, in their language (the server localizes title and detail). */
export function problemText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    // No problem+json body (a proxy or gateway answered): the status text is English-only and says little.
    if (error.code.startsWith('HTTP_'))
      return error.status >= 500 ? t('errors.network') : t('errors.unknown');
    return error.detail ?? error.title;
  }
  return t('errors.unknown');
}

/** `emergencyContact.phone`, `/emergencyContact/phone` or `emergencyContact[phone]` as a form name path. */
export function fieldPath(path: string): (string | number)[] {
  return path
    .replace(/^\//, '')
    .split(/[./[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts problem+json field errors next to the fields they name. Answers whether every error found its field;
 * when not, the caller shows the whole problem as a message too.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  let placedAll = true;
  const fields = error.errors.map((problem) => {
    const name = fieldPath(problem.path);
    if (!known.has(name.join('.'))) placedAll = false;
    return { name, errors: [fieldMessage(problem.message)] };
  });
  form.setFields(fields);
  return placedAll;
}
