import type { ColumnType, Generated } from 'kysely';

// Tables of the checkups module (migration 004). The Database interface in schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Counter = ColumnType<number, number | undefined, number>;

export type CheckupSourceFormatColumn = 'csv' | 'xlsx' | 'hl7' | 'fhir' | 'pdf' | 'image';
export type CheckupImportStatusColumn = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CheckupImportFileInfo {
  name: string;
  size: number;
  sha256: string;
  format: CheckupSourceFormatColumn;
}

export interface CheckupPackagesTable {
  id: string;
  org_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  item_codes: ColumnType<string[], string[] | undefined, string[]>;
  price_cents: number | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CheckupImportJobsTable {
  id: string;
  org_id: string;
  created_by: string;
  status: ColumnType<
    CheckupImportStatusColumn,
    CheckupImportStatusColumn | undefined,
    CheckupImportStatusColumn
  >;
  files: ColumnType<CheckupImportFileInfo[], string, string>;
  total_reports: Counter;
  processed_reports: Counter;
  items_stored: Counter;
  items_duplicate: Counter;
  reports_created: Counter;
  reports_duplicate: Counter;
  unmapped_items: Counter;
  problem_count: Counter;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  error: string | null;
}

export interface CheckupImportFilesTable {
  job_id: string;
  seq: number;
  name: string;
  content_type: string | null;
  bytes_enc: string;
}

export interface CheckupImportProblemsTable {
  id: string;
  job_id: string;
  org_id: string;
  file_name: string;
  row_no: number | null;
  field: string | null;
  code: string;
  message_en: string;
  message_zh: string;
}

export interface CheckupReportsTable {
  id: string;
  org_id: string;
  patient_id: string;
  package_id: string | null;
  package_name: string | null;
  external_id: string | null;
  performed_at: Timestamp;
  center: string | null;
  conclusion: string | null;
  source_format: CheckupSourceFormatColumn;
  import_job_id: string | null;
  dedupe_key: string;
  item_count: Counter;
  abnormal_count: Counter;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CheckupItemMappingsTable {
  id: string;
  org_id: string;
  local_name_normalized: string;
  local_name: string;
  loinc: string;
  unit: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CheckupsTables {
  checkup_packages: CheckupPackagesTable;
  checkup_import_jobs: CheckupImportJobsTable;
  checkup_import_files: CheckupImportFilesTable;
  checkup_import_problems: CheckupImportProblemsTable;
  checkup_reports: CheckupReportsTable;
  checkup_item_mappings: CheckupItemMappingsTable;
}
