import type { PatientInput, PatientProfile } from '@careloop/contracts';

/** What the demographics form holds: every field optional text until the person fills it in. */
export interface PatientFormValues {
  name?: string;
  sex?: PatientInput['sex'];
  birthDate?: string;
  nationalId?: string;
  phone?: string;
  address?: Record<string, string | undefined>;
  emergencyContact?: { name?: string; relationship?: string; phone?: string };
  insurance?: { type?: NonNullable<PatientInput['insurance']>['type']; number?: string; provider?: string };
}

/** Drops blank strings and objects left empty, so the server never sees `""` for "not given". */
function compact<T extends Record<string, unknown>>(value: T | undefined): Partial<T> | undefined {
  if (!value) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string') {
      if (inner.trim() !== '') out[key] = inner.trim();
    } else if (inner !== undefined && inner !== null) {
      out[key] = inner;
    }
  }
  return Object.keys(out).length > 0 ? (out as Partial<T>) : undefined;
}

export function toPatientInput(values: PatientFormValues): PatientInput {
  const contact = compact(values.emergencyContact);
  const insurance = compact(values.insurance);
  return {
    name: (values.name ?? '').trim(),
    sex: values.sex ?? 'unknown',
    birthDate: values.birthDate ?? '',
    nationalId: values.nationalId?.trim() || undefined,
    phone: values.phone?.trim() || undefined,
    address: compact(values.address),
    emergencyContact: contact as PatientInput['emergencyContact'],
    insurance: insurance as PatientInput['insurance'],
  };
}

export function fromProfile(profile: PatientProfile): PatientFormValues {
  return {
    name: profile.name,
    sex: profile.sex,
    birthDate: profile.birthDate,
    nationalId: profile.nationalId ?? undefined,
    phone: profile.phone ?? undefined,
    address: profile.address ?? undefined,
    emergencyContact: profile.emergencyContact ?? undefined,
    insurance: profile.insurance ?? undefined,
  };
}
