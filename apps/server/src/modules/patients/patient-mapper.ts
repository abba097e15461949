import { nameSearchText } from './name-search.ts';
import {
  parseResidentId,
  type PatientInput,
  type PatientUpdate,
  type PatientProfile,
  type PatientSummary,
} from '@careloop/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import type { PatientRow, PatientWrite } from './patients.repository.ts';

export function toSummary(row: {
  id: string;
  mrn: string;
  name: string;
  sex: PatientSummary['sex'];
  birth_date: string;
  phone_last4: string | null;
  on_care_team?: boolean;
  care_relationship?: boolean;
}): PatientSummary {
  return {
    id: row.id,
    mrn: row.mrn,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    phoneMasked: row.phone_last4 ? `*******${row.phone_last4}` : null,
    ...(row.on_care_team === undefined ? {} : { onCareTeam: row.on_care_team }),
    ...(row.care_relationship === undefined ? {} : { careRelationship: row.care_relationship }),
  };
}

export function toProfile(row: PatientRow, crypto: FieldCrypto): PatientProfile {
  return {
    ...toSummary(row),
    orgId: row.org_id,
    nationalId: crypto.decryptNullable(row.national_id_enc),
    phone: crypto.decryptNullable(row.phone_enc),
    address: crypto.decryptJson(row.address_enc),
    emergencyContact: crypto.decryptJson(row.emergency_contact_enc),
    insurance: readInsurance(row.insurance, crypto),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * Checks a resident ID number (GB 11643) and that the birth date and sex it encodes agree with the profile.
 * Only mainland resident IDs (18 characters) are checked; other documents are out of scope here.
 */
export function validateIdentity(input: {
  nationalId?: string | null | undefined;
  birthDate?: string;
  sex?: string;
}): string | null {
  if (!input.nationalId) return null;
  const parsed = parseResidentId(input.nationalId);
  if (!parsed.ok) {
    throw new AppError('INVALID_NATIONAL_ID', { errors: [{ path: 'nationalId', message: parsed.reason }] });
  }
  const errors: FieldError[] = [];
  if (input.birthDate && input.birthDate !== parsed.birthDate) {
    errors.push({ path: 'birthDate', message: 'does_not_match_national_id' });
  }
  if (input.sex && (input.sex === 'male' || input.sex === 'female') && input.sex !== parsed.sex) {
    errors.push({ path: 'sex', message: 'does_not_match_national_id' });
  }
  if (errors.length) throw new AppError('INVALID_NATIONAL_ID', { errors });
  return parsed.normalized;
}

/** Encrypts identifiers and builds the blind indexes for a full or partial profile. */
export function toWrite(
  input: Partial<PatientInput> | Omit<PatientUpdate, 'version'>,
  crypto: FieldCrypto,
  nationalId: string | null,
): Partial<PatientWrite> {
  const out: Partial<PatientWrite> = {};
  if (input.name !== undefined) {
    out.name = input.name;
    out.name_search = nameSearchText(input.name);
  }
  if (input.sex !== undefined) out.sex = input.sex;
  if (input.birthDate !== undefined) out.birth_date = input.birthDate;
  if (input.nationalId !== undefined) {
    out.national_id_enc = crypto.encryptNullable(nationalId);
    out.national_id_bidx = nationalId ? crypto.blindIndex('national_id', nationalId) : null;
  }
  if (input.phone !== undefined) {
    out.phone_enc = crypto.encryptNullable(input.phone);
    out.phone_bidx = input.phone ? crypto.blindIndex('phone', input.phone) : null;
    out.phone_last4 = input.phone ? input.phone.slice(-4) : null;
  }
  if (input.address !== undefined) out.address_enc = crypto.encryptJson(input.address);
  if (input.emergencyContact !== undefined)
    out.emergency_contact_enc = crypto.encryptJson(input.emergencyContact);
  if (input.insurance === null) out.insurance = null;
  else if (input.insurance !== undefined) {
    // The policy number is an identifier: encrypted like the others; type and provider stay queryable.
    const { number, ...rest } = input.insurance;
    out.insurance = JSON.stringify({ ...rest, numberEnc: crypto.encryptNullable(number) });
  }
  return out;
}

function readInsurance(value: unknown, crypto: FieldCrypto): PatientProfile['insurance'] {
  if (!value || typeof value !== 'object') return null;
  const { numberEnc, ...rest } = value as { numberEnc?: string | null } & NonNullable<
    PatientProfile['insurance']
  >;
  const number = crypto.decryptNullable(numberEnc ?? null);
  return { ...rest, ...(number ? { number } : {}) };
}
