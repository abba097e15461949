// Checkup import: pure parsers from a file's text or rows to reports and row-by-row problems.
export type {
  CheckupSourceFormat,
  ItemFlag,
  ParsedItem,
  ParsedPatientRef,
  ParsedReport,
  ParseOutcome,
  RowProblem,
} from './types.ts';
export { addProblem, MAX_PROBLEMS, refuse, rowProblem } from './problems.ts';
export { decodeText, type DecodedText, type TextEncodingName } from './decode-text.ts';
export { detectDelimiter, formatCsv, parseCsv, type CsvDelimiter, type CsvResult } from './csv.ts';
export { parseDate, type ParsedDate } from './dates.ts';
export { parseNationalId, parseSex, type NationalIdInfo } from './patient-fields.ts';
export { isValidLoinc } from './loinc.ts';
export {
  normalizeItemName,
  suggestAnalyte,
  suggestLoinc,
  type AnalyteSuggestion,
  type CheckupAnalyteKey,
} from './item-names.ts';
// hl7v2 already exports a parseReferenceRange (OBX-7 only); this one also reads Chinese report ranges.
export { parseReferenceRange as parseCheckupReferenceRange, type ParsedRange } from './reference-range.ts';
export { isBlankFlag, parseFlag } from './flag.ts';
export { parseResultValue, type ParsedResult, type ResultKind } from './result-value.ts';
export { itemFromCells, type ItemCells, type ItemOutcome } from './item.ts';
export {
  CHECKUP_TEMPLATE_COLUMNS,
  matchHeader,
  type TemplateColumn,
  type TemplateColumnKey,
} from './template-columns.ts';
export { DEFAULT_MAX_ROWS, tabularToReports } from './tabular.ts';
export { csvToReports } from './csv-import.ts';
export { hl7ToReports } from './hl7.ts';
export { fhirToReports } from './fhir.ts';
export {
  layoutToRows,
  type LayoutColumn,
  type LayoutLine,
  type LayoutRow,
  type LayoutRows,
  type LayoutTextItem,
} from './layout.ts';
export { layoutToReport } from './layout-report.ts';
export { readHeaderLine } from './header-fields.ts';
export { fixOcrNumber, ocrTextToReport } from './ocr-text.ts';
