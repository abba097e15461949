// Types of the medication module: the formulary, interactions, dosing frequencies and prescription safety checks.
// These names are shared by the prescribing server and console and by the fulfilment and reminder modules: fields
// may be added, never renamed or removed.

export type DoseUnit =
  'mg' | 'g' | 'mcg' | 'IU' | 'mL' | 'tablet' | 'capsule' | 'puff' | 'drop' | 'sachet' | 'patch' | 'unit';

export type StrengthUnit = 'mg' | 'g' | 'mcg' | 'IU' | 'mg/mL' | 'mcg/dose' | '%';
export type MaxDoseUnit = 'mg' | 'g' | 'mcg' | 'IU' | 'tablet' | 'puff' | 'mL';

export type DrugForm =
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

export type DrugRoute =
  | 'oral'
  | 'iv'
  | 'im'
  | 'sc'
  | 'inhaled'
  | 'topical'
  | 'ophthalmic'
  | 'rectal'
  | 'nasal'
  | 'sublingual'
  | 'transdermal';

export interface BilingualNote {
  zh: string;
  en: string;
  /** True when the label says the drug must not be used (禁用) in this situation; the finding is then critical. */
  contraindicated?: boolean;
}

export interface DrugContraindication {
  /** ICD-10 codes or prefixes, with or without the dot ('N18.4', 'N184' and 'N18' all work). */
  icd10Prefixes: string[];
  zh: string;
  en: string;
  /** 'critical' (the default: the label says 禁用 / contraindicated) or 'warning' (慎用 / caution). */
  level?: 'critical' | 'warning';
}

export interface FormularyDrug {
  /** Stable code, e.g. 'amlodipine-5mg-tab'. */
  code: string;
  genericZh: string;
  genericEn: string;
  brandZh?: string;
  brandEn?: string;
  /** INNs in English lower case: ['amlodipine'] or ['losartan', 'hydrochlorothiazide']. */
  ingredients: string[];
  /** WHO ATC code, 7 characters: 'C08CA01'. */
  atc: string;
  form: DrugForm;
  /** Strength of the first ingredient per unit (tablet, capsule, dose, mL). */
  strength: { value: number; unit: StrengthUnit };
  route: DrugRoute;
  packageSize: number;
  packageUnit: string;
  /** CNY fen per package. */
  priceCents: number;
  maxDailyDose: { value: number; unit: MaxDoseUnit } | null;
  contraindications: DrugContraindication[];
  pregnancy: BilingualNote | null;
  lactation: BilingualNote | null;
  /** The label or reference the figures come from. */
  source: string;
}

export type InteractionSeverity = 'contraindicated' | 'major' | 'moderate' | 'minor';

export interface DrugInteraction {
  /** An ingredient ('simvastatin', lower case) or an ATC class prefix ('C09A', upper case); order does not matter. */
  a: string;
  b: string;
  severity: InteractionSeverity;
  zh: string;
  en: string;
  source: string;
}

export type FrequencyCode =
  | 'qd'
  | 'bid'
  | 'tid'
  | 'qid'
  | 'qn'
  | 'qm'
  | 'q4h'
  | 'q6h'
  | 'q8h'
  | 'q12h'
  | 'qod'
  | 'qw'
  | 'biw'
  | 'prn'
  | 'stat';

export interface Frequency {
  code: FrequencyCode;
  /** Doses per day on average: prn and stat null; qod 1/2; qw 1/7; biw 2/7. */
  dosesPerDay: number | null;
  /** Local 'HH:MM' on a dosing day. */
  defaultTimes: string[];
  /** Days between dosing days: 1; qod 2; qw and biw 7 (biw doses on days 0 and 3 of each week). */
  everyDays: number;
  zh: string;
  en: string;
}

export interface SafetyItem {
  index: number;
  drug: FormularyDrug;
  dose: { value: number; unit: DoseUnit };
  frequency: FrequencyCode;
}

export interface SafetyCurrentMedication {
  name: string;
  ingredients: string[];
  atc: string | null;
}

export interface SafetyInput {
  items: SafetyItem[];
  /** Active medications and prescriptions. */
  current: SafetyCurrentMedication[];
  allergies: { substance: string; category: 'drug' | 'food' | 'environment' | 'other' }[];
  conditions: { icd10: string | null; display: string }[];
  patient: {
    ageYears: number;
    sex: 'male' | 'female' | 'other' | 'unknown';
    pregnant?: boolean;
    lactating?: boolean;
  };
  interactions: readonly DrugInteraction[];
}

export type SafetyFindingKind =
  | 'allergy'
  | 'duplicate_therapy'
  | 'interaction'
  | 'max_dose'
  | 'contraindication'
  | 'pregnancy'
  | 'lactation';

export interface SafetyFinding {
  kind: SafetyFindingKind;
  /** Every finding needs a written override reason; critical ones are shown in red. */
  level: 'critical' | 'warning';
  itemIndex: number;
  /** The other drug, allergy or condition named. */
  with?: string;
  zh: string;
  en: string;
  source: string;
  /** For interactions: the severity of the pair. */
  severity?: InteractionSeverity;
}

export type DoseStatus = 'taken' | 'late' | 'skipped' | 'missed' | 'pending';

export interface AdherenceSummary {
  rate: number | null;
  taken: number;
  late: number;
  skipped: number;
  missed: number;
}
