// The shape every checkup parser returns (CSV/Excel template, HL7 v2 ORU, FHIR R4, text PDF, photo):
// reports with their item rows, plus problems that name the row they concern.

export type CheckupSourceFormat = 'csv' | 'xlsx' | 'hl7' | 'fhir' | 'pdf' | 'image';

export interface ParsedPatientRef {
  nationalId?: string;
  mrn?: string;
  name?: string;
  sex?: 'male' | 'female' | 'unknown';
  /** YYYY-MM-DD */
  birthDate?: string;
  phone?: string;
}

export type ItemFlag = 'N' | 'H' | 'L' | 'HH' | 'LL' | 'A';

export interface ParsedItem {
  /** 1-based row (CSV/Excel), source line (HL7 OBX, PDF/OCR text line) or bundle entry (FHIR). */
  rowNo: number;
  localName: string;
  code?: { system: 'loinc' | 'local'; code: string };
  /** The result as written, trimmed: '7.2', '<0.1', '阴性(-)'. */
  valueText: string;
  /** Only when the result is a plain number. */
  valueNum?: number;
  unit?: string;
  refLow?: number;
  refHigh?: number;
  refText?: string;
  flag?: ItemFlag;
  /** ISO 8601 as the source gave it. */
  observedAt?: string;
}

export interface ParsedReport {
  /** Report number, accession or placer order. */
  externalId?: string;
  patient: ParsedPatientRef;
  /**
   * ISO 8601 as far as the source tells: a date ('2026-03-01'), a local date-time without offset
   * ('2026-03-01T08:30:00') or, from HL7/FHIR, one with an offset. The org's time zone fills in the rest.
   */
  performedAt?: string;
  center?: string;
  packageName?: string;
  conclusion?: string;
  items: ParsedItem[];
}

export interface RowProblem {
  rowNo: number;
  field?: string;
  /** Machine code: 'missing_column', 'bad_number', 'missing_value', 'unknown_resource', 'invalid_code', ... */
  code: string;
  /** English, names the problem. */
  message: string;
  messageZh: string;
}

export interface ParseOutcome {
  format: CheckupSourceFormat;
  reports: ParsedReport[];
  problems: RowProblem[];
  /** The whole file is refused (wrong columns, not a report, unreadable); it is also the last of `problems`. */
  fatal?: RowProblem;
}
