import { lookupIcd10 } from '@careloop/clinical';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';

/**
 * Checks an ICD-10 code against the code table and returns its canonical spelling and its name in the caller's
 * language; a code the table does not hold is a 400 naming the field.
 */
export function requireIcd10(code: string, path: string, language: Language) {
  const entry = lookupIcd10(code);
  if (!entry) throw new AppError('RECORD_UNKNOWN_ICD10', { errors: [{ path, message: 'unknown_code' }] });
  return { code: entry.code, display: language === 'zh-CN' ? entry.zh : entry.en };
}
