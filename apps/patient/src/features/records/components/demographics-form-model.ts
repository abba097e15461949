import type { PatientProfile } from '@careloop/contracts';
import { isMasked } from './format.ts';

export type SexValue = PatientProfile['sex'];
export type InsuranceTypeValue = NonNullable<PatientProfile['insurance']>['type'];

/** Everything the edit form holds, as strings the inputs can show. */
export interface DemographicsDraft {
  name: string;
  sex: SexValue;
  birthDate: string;
  nationalId: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  line: string;
  postalCode: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  insuranceType: InsuranceTypeValue | '';
  insuranceNumber: string;
  insuranceProvider: string;
}

export function draftFrom(profile: PatientProfile): DemographicsDraft {
  const a = profile.address;
  const c = profile.emergencyContact;
  const i = profile.insurance;
  return {
    name: profile.name,
    sex: profile.sex,
    birthDate: profile.birthDate.slice(0, 10),
    // A masked value cannot be sent back; the field starts empty and means "keep".
    nationalId: isMasked(profile.nationalId) ? '' : (profile.nationalId ?? ''),
    phone: isMasked(profile.phone) ? '' : (profile.phone ?? ''),
    province: a?.province ?? '',
    city: a?.city ?? '',
    district: a?.district ?? '',
    line: a?.line ?? '',
    postalCode: a?.postalCode ?? '',
    emergencyName: c?.name ?? '',
    emergencyRelationship: c?.relationship ?? '',
    emergencyPhone: c?.phone ?? '',
    insuranceType: i?.type ?? '',
    insuranceNumber: i?.number ?? '',
    insuranceProvider: i?.provider ?? '',
  };
}

function compact<T extends Record<string, string>>(values: T): Partial<T> | undefined {
  const entries = Object.entries(values)
    .map(([k, v]) => [k, v.trim()] as const)
    .filter(([, v]) => v !== '');
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function addressOf(d: DemographicsDraft) {
  return compact({
    province: d.province,
    city: d.city,
    district: d.district,
    line: d.line,
    postalCode: d.postalCode,
  });
}

function contactOf(d: DemographicsDraft) {
  return compact({ name: d.emergencyName, relationship: d.emergencyRelationship, phone: d.emergencyPhone });
}

function insuranceOf(d: DemographicsDraft) {
  if (d.insuranceType === '') return undefined;
  return { type: d.insuranceType, ...compact({ number: d.insuranceNumber, provider: d.insuranceProvider }) };
}

/** The PATCH body without its version: only what changed. Empty inputs never erase stored values. */
export function changesFrom(draft: DemographicsDraft, profile: PatientProfile): Record<string, unknown> {
  const before = draftFrom(profile);
  const changes: Record<string, unknown> = {};
  for (const key of ['name', 'sex', 'birthDate', 'nationalId', 'phone'] as const) {
    const value = draft[key].trim();
    if (value !== before[key] && value !== '') changes[key] = value;
  }
  const parts = { address: addressOf, emergencyContact: contactOf, insurance: insuranceOf };
  for (const [key, pick] of Object.entries(parts)) {
    const value = pick(draft);
    if (value !== undefined && !same(value, pick(before))) changes[key] = value;
  }
  return changes;
}
