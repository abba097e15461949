// Rows of the import template (from CSV or Excel) to reports: the header row found in zh or en, rows grouped
// into reports by report number (or national ID + checkup date), each bad row reported and the good ones kept.
import { parseDate } from './dates.ts';
import { itemFromCells } from './item.ts';
import {
  completeFromNationalId,
  compactPatient,
  parseNationalId,
  parsePhone,
  parseSex,
} from './patient-fields.ts';
import { ProblemList, quote, refuse, rowProblem } from './problems.ts';
import {
  CHECKUP_TEMPLATE_COLUMNS,
  matchHeader,
  normalizeHeader,
  type TemplateColumnKey,
} from './template-columns.ts';
import { cleanCell, cleanText, clip } from './text.ts';
import type { ParsedPatientRef, ParsedReport, ParseOutcome } from './types.ts';

export const DEFAULT_MAX_ROWS = 200_000;
/** How far down a title or notes may push the header row. */
const HEADER_SEARCH_ROWS = 20;

// Columns whose text is kept as written (Chinese punctuation included); the others are half-width codes and values.
const FREE_TEXT: ReadonlySet<TemplateColumnKey> = new Set([
  'name',
  'center',
  'packageName',
  'itemName',
  'conclusion',
]);

type Columns = ReadonlyMap<TemplateColumnKey, number>;

function findHeader(rows: readonly (readonly string[])[]): { index: number; columns: Columns } | undefined {
  let best: { index: number; columns: Map<TemplateColumnKey, number> } | undefined;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const columns = new Map<TemplateColumnKey, number>();
    row.forEach((cell, col) => {
      const key = matchHeader(cell);
      if (key && !columns.has(key)) columns.set(key, col);
    });
    if (columns.size >= 2 && columns.size > (best?.columns.size ?? 0)) best = { index, columns };
  });
  return best;
}

const HINTS = new Set(CHECKUP_TEMPLATE_COLUMNS.flatMap((c) => [c.hintZh, c.hintEn].map(normalizeHeader)));

/** The template's second row explains each column; it is not data. */
function isHintRow(row: readonly string[]): boolean {
  const cells = row.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return (
    cells.length > 0 && cells.filter((cell) => HINTS.has(normalizeHeader(cell))).length * 2 >= cells.length
  );
}

const EXAMPLE = /^(?:示例|例|example|sample)/i;

function missingColumns(columns: Columns): string | undefined {
  const missing = CHECKUP_TEMPLATE_COLUMNS.filter((c) => c.required && !columns.has(c.key));
  return missing.length === 0 ? undefined : missing.map((c) => `${c.zh} (${c.en})`).join(', ');
}

export function tabularToReports(
  rows: readonly (readonly string[])[],
  format: 'csv' | 'xlsx',
  options: { maxRows?: number } = {},
): ParseOutcome {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) {
    return refuse(format, rowProblem(1, 'empty_file', 'the file holds no rows', '文件中没有数据'));
  }
  if (rows.length > maxRows + HEADER_SEARCH_ROWS) {
    return refuse(
      format,
      rowProblem(
        maxRows,
        'too_many_rows',
        `the file has ${rows.length} rows; at most ${maxRows} can be imported at once`,
        `文件有 ${rows.length} 行，一次最多导入 ${maxRows} 行`,
      ),
    );
  }
  const header = findHeader(rows);
  const missing = header ? missingColumns(header.columns) : undefined;
  if (!header || missing) {
    const all = CHECKUP_TEMPLATE_COLUMNS.filter((c) => c.required)
      .map((c) => `${c.zh} (${c.en})`)
      .join(', ');
    return refuse(
      format,
      rowProblem(
        (header?.index ?? 0) + 1,
        'missing_column',
        `required columns are missing: ${missing ?? all}. Use the checkup import template.`,
        `缺少必填列：${missing ?? all}。请使用体检导入模板。`,
      ),
    );
  }
  return readRows(rows, header.index, header.columns, format);
}

function readRows(
  rows: readonly (readonly string[])[],
  headerIndex: number,
  columns: Columns,
  format: 'csv' | 'xlsx',
): ParseOutcome {
  const problems = new ProblemList();
  const reports = new Map<string, ParsedReport>();
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    const rowNo = index + 1;
    const cell = (key: TemplateColumnKey): string => {
      const col = columns.get(key);
      if (col === undefined) return '';
      const text = clip(row[col] ?? '', key === 'conclusion' ? 4000 : undefined);
      return FREE_TEXT.has(key) ? cleanText(text) : cleanCell(text);
    };
    if (row.every((c) => c.trim() === '')) continue;
    if (index === headerIndex + 1 && isHintRow(row)) continue;
    const reportNo = cell('reportNo');
    if (EXAMPLE.test(reportNo)) {
      problems.add(
        rowProblem(
          rowNo,
          'example_row',
          'an example row of the template was skipped',
          '已跳过模板中的示例行',
          'reportNo',
        ),
      );
      continue;
    }
    const patient = readPatient(rowNo, cell, problems);
    if (!patient) continue;
    const dateText = cell('checkupDate');
    const date = parseDate(dateText);
    if (!date) {
      problems.add(
        dateText === ''
          ? rowProblem(rowNo, 'missing_value', 'the checkup date is empty', '体检日期为空', 'checkupDate')
          : rowProblem(
              rowNo,
              'bad_date',
              `the checkup date ${quote(dateText)} is not a date such as 2026-03-01`,
              `体检日期 ${quote(dateText)} 不是有效日期（如 2026-03-01）`,
              'checkupDate',
            ),
      );
      continue;
    }
    const { item, problems: itemProblems } = itemFromCells(
      {
        rowNo,
        name: cell('itemName'),
        code: cell('itemCode'),
        result: cell('result'),
        unit: cell('unit'),
        range: cell('referenceRange'),
        flag: cell('flag'),
      },
      patient.sex ?? completeFromNationalId(patient).sex,
    );
    problems.addAll(itemProblems);
    if (!item) continue;
    const key =
      reportNo !== ''
        ? `no:${reportNo}`
        : `pt:${patient.nationalId ?? patient.mrn ?? patient.name ?? ''}|${date.date}`;
    const existing = reports.get(key);
    if (!existing) {
      reports.set(
        key,
        withOptional(
          { patient, performedAt: date.dateTime, items: [item] },
          {
            externalId: reportNo,
            center: cell('center'),
            packageName: cell('packageName'),
            conclusion: cell('conclusion'),
          },
        ),
      );
      continue;
    }
    const conflict = conflictingField(existing.patient, patient);
    if (conflict) {
      problems.add(
        rowProblem(
          rowNo,
          'inconsistent_patient',
          `the ${conflict} differs from earlier rows of report ${quote(reportNo)}; the row was skipped`,
          `与体检编号 ${quote(reportNo)} 前面各行的患者信息（${conflict}）不一致，已跳过此行`,
          conflict,
        ),
      );
      continue;
    }
    Object.assign(
      existing,
      withOptional(
        {},
        {
          center: existing.center ?? cell('center'),
          packageName: existing.packageName ?? cell('packageName'),
          conclusion: existing.conclusion ?? cell('conclusion'),
        },
      ),
    );
    existing.patient = compactPatient({ ...patient, ...existing.patient });
    existing.items.push(item);
  }
  const out = [...reports.values()].map((report) => ({
    ...report,
    patient: compactPatient(completeFromNationalId(report.patient)),
  }));
  const list = problems.list();
  if (out.length === 0 && list.length === 0) {
    return refuse(
      format,
      rowProblem(1, 'no_rows', 'the file has a header but no item rows', '文件只有表头，没有项目数据'),
    );
  }
  return { format, reports: out, problems: list };
}

function withOptional<T extends object>(base: T, optional: Record<string, string | undefined>): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== '') (base as Record<string, unknown>)[key] = value;
  }
  return base;
}

function conflictingField(
  a: ParsedPatientRef,
  b: ParsedPatientRef,
): 'nationalId' | 'mrn' | 'name' | undefined {
  for (const field of ['nationalId', 'mrn', 'name'] as const) {
    const x = a[field];
    const y = b[field];
    if (x !== undefined && y !== undefined && x !== y) return field;
  }
  return undefined;
}

function readPatient(
  rowNo: number,
  cell: (key: TemplateColumnKey) => string,
  problems: ProblemList,
): ParsedPatientRef | undefined {
  const idText = cell('nationalId');
  const id = idText === '' ? undefined : parseNationalId(idText);
  if (idText !== '' && !id) {
    problems.add(
      rowProblem(
        rowNo,
        'bad_national_id',
        `the national ID ${quote(idText, 24)} is not a valid 18-character resident ID (length or check character); it was ignored`,
        `身份证号 ${quote(idText, 24)} 无效（位数或校验位错误），已忽略`,
        'nationalId',
      ),
    );
  }
  const sexText = cell('sex');
  const sex = sexText === '' ? undefined : parseSex(sexText);
  if (sexText !== '' && !sex) {
    problems.add(
      rowProblem(
        rowNo,
        'invalid_code',
        `the sex ${quote(sexText)} is not 男/女 (male/female)`,
        `性别 ${quote(sexText)} 无法识别（应为男/女）`,
        'sex',
      ),
    );
  }
  const birthText = cell('birthDate');
  const birth = birthText === '' ? undefined : parseDate(birthText);
  if (birthText !== '' && !birth) {
    problems.add(
      rowProblem(
        rowNo,
        'bad_date',
        `the birth date ${quote(birthText)} is not a date such as 1980-05-20`,
        `出生日期 ${quote(birthText)} 不是有效日期（如 1980-05-20）`,
        'birthDate',
      ),
    );
  }
  const patient = compactPatient({
    nationalId: id?.id,
    mrn: cell('mrn'),
    name: cell('name'),
    sex,
    birthDate: birth?.date,
    phone: parsePhone(cell('phone')),
  });
  if (patient.nationalId === undefined && patient.mrn === undefined) {
    problems.add(
      rowProblem(
        rowNo,
        'missing_patient',
        'the row names no patient: fill the national ID or the MRN',
        '此行缺少患者身份：请填写身份证号或病历号',
        'nationalId',
      ),
    );
    return undefined;
  }
  return patient;
}
