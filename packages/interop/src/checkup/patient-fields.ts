// Patient identification fields of Chinese checkup files.
import { parseDate } from './dates.ts';
import { toHalfWidth } from './text.ts';
import type { ParsedPatientRef } from './types.ts';

// GB 11643-1999 citizen identity number: 6-digit area, 8-digit birth date, 3-digit sequence (odd = male),
// ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface NationalIdInfo {
  readonly id: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

/** A valid 18-character resident identity number (check character and birth date), upper-cased. */
export function parseNationalId(text: string): NationalIdInfo | undefined {
  const id = toHalfWidth(text).trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * (WEIGHTS[i] ?? 0);
  if (CHECK[sum % 11] !== id[17]) return undefined;
  const birth = parseDate(id.slice(6, 14));
  if (!birth) return undefined;
  return { id, birthDate: birth.date, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

const SEXES: Readonly<Record<string, 'male' | 'female' | 'unknown'>> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  '1': 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  '2': 'female',
  未知: 'unknown',
  u: 'unknown',
  unknown: 'unknown',
  o: 'unknown',
  '0': 'unknown',
  '9': 'unknown',
};

/** 男/女, M/F, male/female, and GB/T 2261.1 codes 1/2/0/9; undefined when not recognised. */
export function parseSex(text: string): 'male' | 'female' | 'unknown' | undefined {
  return SEXES[toHalfWidth(text).trim().toLowerCase()];
}

/** A phone number as digits (and a leading +), or undefined when it has too few digits to be one. */
export function parsePhone(text: string): string | undefined {
  const compact = toHalfWidth(text).replace(/[\s\-()]/g, '');
  return /^\+?\d{5,20}$/.test(compact) ? compact : undefined;
}

/** Fills birth date and sex from a valid national ID where the source left them out. */
export function completeFromNationalId(patient: ParsedPatientRef): ParsedPatientRef {
  const info = patient.nationalId === undefined ? undefined : parseNationalId(patient.nationalId);
  if (!info) return patient;
  return {
    ...patient,
    birthDate: patient.birthDate ?? info.birthDate,
    sex: patient.sex === undefined || patient.sex === 'unknown' ? info.sex : patient.sex,
  };
}

/** Drops undefined fields, so that reports compare and serialise cleanly. */
export function compactPatient(patient: ParsedPatientRef): ParsedPatientRef {
  return Object.fromEntries(
    Object.entries(patient).filter(([, value]) => value !== undefined && value !== ''),
  ) as ParsedPatientRef;
}
