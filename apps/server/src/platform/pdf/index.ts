// PDF rendering for reports: pdfmake with embedded Noto Sans SC subsets, so Chinese and English both print.
export { renderPdf } from './render.ts';
export {
  renderCheckupSummaryPdf,
  checkupSummaryDefinition,
  abnormalItems,
} from './checkup-summary.layout.ts';
export { renderRecordExportPdf, recordExportDefinition } from './record-export.layout.ts';
export { labelsFor, formatDate, formatDateTime, type Labels } from './labels.ts';
export { printable } from './fonts.ts';
export type * from './types.ts';
