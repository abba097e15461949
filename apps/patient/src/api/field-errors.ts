import { i18n } from '../i18n/index.ts';
import { fieldErrorsOf } from './api-error.ts';

// The server names what is wrong with a field by a code (`invalid_phone`, a national-ID failure reason);
// those codes get words here, in the reader's language.
const knownCodes = {
  invalid_phone: 'fieldErrors.invalid_phone',
  password_too_short: 'fieldErrors.password_too_short',
  password_needs_letters_and_digits: 'fieldErrors.password_needs_letters_and_digits',
  control_characters: 'fieldErrors.control_characters',
  length: 'fieldErrors.length',
  format: 'fieldErrors.format',
  region: 'fieldErrors.region',
  birth_date: 'fieldErrors.birth_date',
  checksum: 'fieldErrors.checksum',
  does_not_match_national_id: 'fieldErrors.does_not_match_national_id',
  no_such_account: 'fieldErrors.no_such_account',
} as const;

function isKnownCode(message: string): message is keyof typeof knownCodes {
  return Object.hasOwn(knownCodes, message);
}

export function fieldMessage(message: string): string {
  if (isKnownCode(message)) return i18n.t(knownCodes[message]);
  const looksLikeCode = /^[a-z0-9_]+$/.test(message);
  const untranslated = i18n.language === 'zh-CN' && /^[\x20-\x7e]*$/.test(message);
  return looksLikeCode || untranslated || message === '' ? i18n.t('fieldErrors.invalid') : message;
}

/** Field messages keyed by normalized path (`profile.phone`), worded for the reader. */
export function localizedFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([path, m]) => [path, fieldMessage(m)]));
}
