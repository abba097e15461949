// The input of the PDF layer: a small typed subset of pdfmake's document definition, and the view models of the two
// reports. View models are plain data, already decided and translated by the calling module (names, explanations,
// recommendations); the layouts only choose labels, order and presentation.

export type PdfLanguage = 'zh-CN' | 'en-US';

/** A pdfmake content node: text, a list of nodes, or an object node (`{ text }`, `{ table }`, `{ canvas }`, ...). */
export type PdfNode = string | PdfNode[] | { readonly [key: string]: unknown };

export interface PdfStyle {
  fontSize?: number;
  bold?: boolean;
  color?: string;
  fillColor?: string;
  margin?: number[];
  alignment?: 'left' | 'center' | 'right' | 'justify';
  lineHeight?: number;
}

export interface PdfDefinition {
  content: PdfNode;
  language: PdfLanguage;
  /** Document title in the PDF metadata: never a patient's name or identifier. */
  title: string;
  author?: string;
  pageSize?: 'A4' | 'A5' | 'LETTER';
  /** [left, top, right, bottom] in points. */
  pageMargins?: [number, number, number, number];
  header?: (currentPage: number, pageCount: number) => PdfNode | null;
  footer?: (currentPage: number, pageCount: number) => PdfNode | null;
  styles?: Record<string, PdfStyle>;
  defaultStyle?: PdfStyle;
}

/** Where an entry came from; the same vocabulary as the `source` column of the record tables. */
export type RecordSource = 'lab' | 'checkup' | 'device' | 'self' | 'clinician' | 'import';

export interface Provenance {
  source: RecordSource;
  /** Display name of the person who recorded it (staff or the patient), when known. */
  recordedBy?: string | null;
  /** Hospital, lab or checkup centre the entry comes from, when known. */
  organization?: string | null;
}

export type PdfSex = 'male' | 'female' | 'other' | 'unknown';

export interface PatientDetailsView {
  name: string;
  sex: PdfSex;
  /** Age in whole years on the report date. */
  age: number | null;
  /** Already masked by the caller, e.g. 110***********1234; the PDF layer never sees the full number. */
  maskedId: string | null;
}

/** HL7 v2 table 0078 style flags, as stored on observations: A is abnormal without a direction (e.g. positive). */
export type ResultFlag = 'N' | 'H' | 'L' | 'HH' | 'LL' | 'A';

/** How an item compares with the previous checkup. */
export type ChangeVsPrevious = 'better' | 'worse' | 'new' | 'unchanged';

export interface ItemExplanationView {
  /** What the item measures. */
  measures: string;
  /** What this result means. */
  meaning: string;
  /** What to do next. */
  nextSteps: string;
}

export interface CheckupItemView {
  category: string;
  name: string;
  /** The value as printed, e.g. "7.2" or "阳性(+)". */
  result: string;
  unit: string | null;
  /** The reference range as printed, e.g. "3.9-6.1" or "阴性". */
  referenceRange: string | null;
  flag: ResultFlag;
  change?: ChangeVsPrevious | null;
  previous?: { result: string; date: string } | null;
  explanation?: ItemExplanationView | null;
}

export interface TrendPointView {
  /** Plain date, YYYY-MM-DD. */
  date: string;
  value: number;
}

export interface TrendSeriesView {
  name: string;
  unit: string | null;
  referenceLow?: number | null;
  referenceHigh?: number | null;
  points: TrendPointView[];
}

export interface FollowUpTaskView {
  title: string;
  /** Plain date, YYYY-MM-DD. */
  dueDate?: string | null;
  note?: string | null;
}

export interface CheckupSummaryView {
  language: PdfLanguage;
  organizationName: string;
  reportNo: string;
  /** Plain date, YYYY-MM-DD. */
  checkupDate: string;
  centre: string;
  generatedAt: Date;
  /** IANA zone for printed times; defaults to Asia/Shanghai. */
  timeZone?: string;
  patient: PatientDetailsView;
  /** Every item of the checkup; the abnormal ones (flag other than N) are also listed first. */
  items: CheckupItemView[];
  trends: TrendSeriesView[];
  recommendations: string[];
  followUps: FollowUpTaskView[];
}

export type ConditionStatus = 'active' | 'recurrence' | 'remission' | 'resolved' | 'inactive';
export type AllergySeverity = 'mild' | 'moderate' | 'severe' | 'unknown';
export type MedicationStatus = 'active' | 'stopped' | 'completed' | 'on_hold';
export type EncounterKind =
  'outpatient' | 'inpatient' | 'emergency' | 'checkup' | 'telehealth' | 'home_visit' | 'other';
export type FamilyRelation = 'father' | 'mother' | 'sibling' | 'child' | 'grandparent' | 'other';

export interface RecordExportView {
  language: PdfLanguage;
  organizationName: string;
  generatedAt: Date;
  timeZone?: string;
  patient: PatientDetailsView & { birthDate?: string | null };
  conditions: ({
    icd10: string | null;
    name: string;
    status: ConditionStatus;
    onsetDate: string | null;
  } & Provenance)[];
  allergies: ({
    substance: string;
    reaction: string | null;
    severity: AllergySeverity;
  } & Provenance)[];
  medications: ({
    name: string;
    dose: string | null;
    frequency: string | null;
    status: MedicationStatus;
    startedOn: string | null;
  } & Provenance)[];
  procedures: ({ name: string; code: string | null; performedOn: string | null } & Provenance)[];
  familyHistory: ({ relation: FamilyRelation; condition: string; onsetAge: number | null } & Provenance)[];
  /** Lifestyle facts already phrased by the caller, e.g. { aspect: '吸烟', value: '已戒烟 (2019)' }. */
  lifestyle: ({ aspect: string; value: string } & Provenance)[];
  encounters: ({
    startedAt: Date;
    kind: EncounterKind;
    department: string | null;
    summary: string | null;
  } & Provenance)[];
  /** Observations grouped by item; values in any order (printed newest first). */
  observations: {
    name: string;
    unit: string | null;
    referenceRange: string | null;
    values: ({ effectiveAt: Date; result: string; flag: ResultFlag | null } & Provenance)[];
  }[];
  documents: ({ title: string; date: string | null } & Provenance)[];
  checkups: { date: string; reportNo: string; centre: string; abnormalCount: number }[];
}
