import type { ColumnType, Generated } from 'kysely';

// Tables of the pharmacy module's prescribing side (migration 015). The Database interface in schema.ts extends
// this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `numeric` columns come back as strings from pg; written as numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null, number | string | null>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export type DrugFormColumn =
  | 'tablet'
  | 'capsule'
  | 'sustained_release_tablet'
  | 'injection'
  | 'oral_solution'
  | 'granules'
  | 'inhaler'
  | 'ointment'
  | 'cream'
  | 'eye_drops'
  | 'suppository'
  | 'patch'
  | 'spray';

export type PrescriptionStatusColumn =
  'pending_review' | 'approved' | 'rejected' | 'superseded' | 'cancelled' | 'completed';

export interface FormularyDrugsTable {
  id: string;
  org_id: string;
  code: string;
  generic_zh: string;
  generic_en: string;
  brand_zh: string | null;
  brand_en: string | null;
  ingredients: string[];
  atc: string;
  form: DrugFormColumn;
  strength_value: Numeric;
  strength_unit: string;
  route: string;
  package_size: number;
  package_unit: string;
  price_cents: number;
  max_daily_value: NullableNumeric;
  max_daily_unit: string | null;
  contraindications: Json;
  pregnancy: NullableJson;
  lactation: NullableJson;
  source: string;
  name_search: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DrugInteractionsTable {
  id: string;
  org_id: string;
  a: string;
  b: string;
  severity: 'contraindicated' | 'major' | 'moderate' | 'minor';
  zh: string;
  en: string;
  source: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PharmacyStockTable {
  org_id: string;
  drug_id: string;
  on_hand: number;
  reserved: Generated<number>;
  updated_at: Timestamp;
}

export interface PrescriptionsTable {
  id: string;
  org_id: string;
  patient_id: string;
  prescriber_account_id: string;
  consultation_id: string | null;
  appointment_id: string | null;
  status: PrescriptionStatusColumn;
  version: Generated<number>;
  previous_id: string | null;
  diagnosis: string | null;
  note: string | null;
  content_hash: string;
  signed_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_note: string | null;
  long_term: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PrescriptionItemsTable {
  id: string;
  prescription_id: string;
  org_id: string;
  drug_id: string;
  drug_code: string;
  drug_name_zh: string;
  drug_name_en: string;
  dose_value: Numeric;
  dose_unit: string;
  frequency: string;
  route: string;
  duration_days: number | null;
  quantity: number;
  instructions: string | null;
  findings: Json;
  override_reason: string | null;
  position: number;
}

export interface PharmacyTables {
  formulary_drugs: FormularyDrugsTable;
  drug_interactions: DrugInteractionsTable;
  pharmacy_stock: PharmacyStockTable;
  prescriptions: PrescriptionsTable;
  prescription_items: PrescriptionItemsTable;
}
