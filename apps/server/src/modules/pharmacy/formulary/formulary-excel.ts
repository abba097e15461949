// The formulary as an Excel workbook: one sheet, a header row naming each column in Chinese and English, one drug per
// row. Export writes it; import reads the same layout back (columns found by either header, in any order), validates
// every row and reports each problem by row number (as Excel shows it) and column header.
import ExcelJS from 'exceljs';
import { FormularyDrugInput, type FormularyDrug } from '@careloop/contracts';

export const SHEET_NAME = 'formulary';

type Key =
  | 'code'
  | 'genericZh'
  | 'genericEn'
  | 'brandZh'
  | 'brandEn'
  | 'ingredients'
  | 'atc'
  | 'form'
  | 'strengthValue'
  | 'strengthUnit'
  | 'route'
  | 'packageSize'
  | 'packageUnit'
  | 'priceYuan'
  | 'maxDailyValue'
  | 'maxDailyUnit'
  | 'contraindications'
  | 'pregnancyZh'
  | 'pregnancyEn'
  | 'lactationZh'
  | 'lactationEn'
  | 'source'
  | 'active'
  | 'onHand';

interface Column {
  key: Key;
  zh: string;
  en: string;
  width: number;
  required: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'code', zh: '编码', en: 'Code', width: 26, required: true },
  { key: 'genericZh', zh: '通用名（中文）', en: 'Generic name (zh)', width: 18, required: true },
  { key: 'genericEn', zh: '通用名（英文）', en: 'Generic name (en)', width: 24, required: true },
  { key: 'brandZh', zh: '商品名（中文）', en: 'Brand name (zh)', width: 14, required: false },
  { key: 'brandEn', zh: '商品名（英文）', en: 'Brand name (en)', width: 14, required: false },
  { key: 'ingredients', zh: '成分', en: 'Ingredients', width: 26, required: true },
  { key: 'atc', zh: 'ATC 编码', en: 'ATC code', width: 10, required: true },
  { key: 'form', zh: '剂型', en: 'Form', width: 14, required: true },
  { key: 'strengthValue', zh: '规格数值', en: 'Strength', width: 9, required: true },
  { key: 'strengthUnit', zh: '规格单位', en: 'Strength unit', width: 9, required: true },
  { key: 'route', zh: '给药途径', en: 'Route', width: 9, required: true },
  { key: 'packageSize', zh: '包装数量', en: 'Package size', width: 9, required: true },
  { key: 'packageUnit', zh: '包装单位', en: 'Package unit', width: 9, required: true },
  { key: 'priceYuan', zh: '价格（元）', en: 'Price (CNY)', width: 10, required: true },
  { key: 'maxDailyValue', zh: '每日最大剂量', en: 'Max daily dose', width: 10, required: false },
  { key: 'maxDailyUnit', zh: '最大剂量单位', en: 'Max dose unit', width: 10, required: false },
  {
    key: 'contraindications',
    zh: '禁忌（JSON）',
    en: 'Contraindications (JSON)',
    width: 30,
    required: false,
  },
  { key: 'pregnancyZh', zh: '妊娠（中文）', en: 'Pregnancy (zh)', width: 20, required: false },
  { key: 'pregnancyEn', zh: '妊娠（英文）', en: 'Pregnancy (en)', width: 20, required: false },
  { key: 'lactationZh', zh: '哺乳（中文）', en: 'Lactation (zh)', width: 20, required: false },
  { key: 'lactationEn', zh: '哺乳（英文）', en: 'Lactation (en)', width: 20, required: false },
  { key: 'source', zh: '依据来源', en: 'Source', width: 24, required: true },
  { key: 'active', zh: '启用', en: 'Active', width: 7, required: true },
  { key: 'onHand', zh: '库存', en: 'On hand', width: 8, required: false },
];

const headerOf = (c: Column) => `${c.zh} / ${c.en}`;

export async function buildFormularyWorkbook(drugs: readonly FormularyDrug[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CareLoop';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: headerOf(c), key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const d of drugs) {
    sheet.addRow({
      code: d.code,
      genericZh: d.genericZh,
      genericEn: d.genericEn,
      brandZh: d.brandZh ?? '',
      brandEn: d.brandEn ?? '',
      ingredients: d.ingredients.join('; '),
      atc: d.atc,
      form: d.form,
      strengthValue: d.strength.value,
      strengthUnit: d.strength.unit,
      route: d.route,
      packageSize: d.packageSize,
      packageUnit: d.packageUnit,
      priceYuan: d.priceCents / 100,
      maxDailyValue: d.maxDailyDose?.value ?? '',
      maxDailyUnit: d.maxDailyDose?.unit ?? '',
      contraindications: d.contraindications.length ? JSON.stringify(d.contraindications) : '',
      pregnancyZh: d.pregnancy?.zh ?? '',
      pregnancyEn: d.pregnancy?.en ?? '',
      lactationZh: d.lactation?.zh ?? '',
      lactationEn: d.lactation?.en ?? '',
      source: d.source,
      active: d.active ? 'yes' : 'no',
      onHand: d.stock?.onHand ?? '',
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ParsedRow {
  row: number;
  drug: FormularyDrugInput;
  onHand: number | null;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export class UnreadableWorkbook extends Error {}

/** At most this many drug rows in one import. */
export const MAX_IMPORT_ROWS = 5000;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return '';
}

function numberOf(text: string): number | null {
  if (text === '') return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : Number.NaN;
}

const YES = new Set(['yes', 'y', 'true', '1', '是', '启用']);
const NO = new Set(['no', 'n', 'false', '0', '否', '停用']);

/** Reads the workbook; throws UnreadableWorkbook when it is not one, or lacks the sheet or required columns. */
export async function parseFormularyWorkbook(
  bytes: Buffer,
): Promise<{ rows: ParsedRow[]; problems: RowProblem[] }> {
  // An .xlsx file is a ZIP archive: anything else is refused before the parser sees it.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new UnreadableWorkbook('not_xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableWorkbook('not_xlsx');
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableWorkbook('no_sheet');
  const header = sheet.getRow(1);
  const position = new Map<Key, number>();
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).toLowerCase();
    const column = COLUMNS.find(
      (c) => text === headerOf(c).toLowerCase() || text === c.zh.toLowerCase() || text === c.en.toLowerCase(),
    );
    if (column && !position.has(column.key)) position.set(column.key, col);
  });
  const missing = COLUMNS.filter((c) => c.required && !position.has(c.key));
  if (missing.length > 0)
    throw new UnreadableWorkbook(`missing_columns:${missing.map((c) => c.en).join(',')}`);
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS) throw new UnreadableWorkbook('too_many_rows');

  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: Key) => {
      const col = position.get(key);
      return col === undefined ? '' : cellText(row.getCell(col).value);
    };
    if (COLUMNS.every((c) => get(c.key) === '')) continue;
    const problem = (key: Key, message: string) => {
      const c = COLUMNS.find((x) => x.key === key)!;
      problems.push({ row: r, column: headerOf(c), message });
    };
    const before = problems.length;
    const num = (key: Key) => {
      const n = numberOf(get(key));
      if (Number.isNaN(n)) problem(key, 'not_a_number');
      return n;
    };
    let contraindications: unknown = [];
    if (get('contraindications')) {
      try {
        contraindications = JSON.parse(get('contraindications'));
      } catch {
        problem('contraindications', 'not_json');
      }
    }
    const activeText = get('active').toLowerCase();
    const active = YES.has(activeText) ? true : NO.has(activeText) ? false : null;
    if (active === null) problem('active', 'expected_yes_or_no');
    const price = num('priceYuan');
    const maxValue = num('maxDailyValue');
    const maxUnit = get('maxDailyUnit');
    if ((maxValue === null) !== (maxUnit === ''))
      problem(maxValue === null ? 'maxDailyValue' : 'maxDailyUnit', 'required_together');
    const bilingual = (zhKey: Key, enKey: Key) => {
      const zh = get(zhKey);
      const en = get(enKey);
      if (!zh && !en) return null;
      if (!zh || !en) problem(zh ? enKey : zhKey, 'required_together');
      return { zh, en };
    };
    const onHandValue = num('onHand');
    if (
      onHandValue !== null &&
      !Number.isNaN(onHandValue) &&
      (!Number.isInteger(onHandValue) || onHandValue < 0)
    )
      problem('onHand', 'not_a_whole_number_at_least_0');
    const candidate = {
      code: get('code'),
      genericZh: get('genericZh'),
      genericEn: get('genericEn'),
      brandZh: get('brandZh') || null,
      brandEn: get('brandEn') || null,
      ingredients: get('ingredients')
        .split(/[;；,，+]/)
        .map((s) => s.trim())
        .filter(Boolean),
      atc: get('atc').toUpperCase(),
      form: get('form'),
      strength: { value: num('strengthValue'), unit: get('strengthUnit') },
      route: get('route'),
      packageSize: num('packageSize'),
      packageUnit: get('packageUnit'),
      priceCents: price === null || Number.isNaN(price) ? price : Math.round(price * 100),
      maxDailyDose: maxValue === null || maxUnit === '' ? null : { value: maxValue, unit: maxUnit },
      contraindications,
      pregnancy: bilingual('pregnancyZh', 'pregnancyEn'),
      lactation: bilingual('lactationZh', 'lactationEn'),
      source: get('source'),
      active: active ?? true,
    };
    const parsed = FormularyDrugInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = keyOfPath(issue.path.map(String));
        // A number already reported as not a number is not reported again as the wrong type.
        if (
          problems.some((p, i) => i >= before && p.column === headerOf(COLUMNS.find((c) => c.key === key)!))
        )
          continue;
        problem(key, issue.code === 'invalid_type' && get(key) === '' ? 'required' : issue.message);
      }
    }
    if (candidate.code) {
      const first = seen.get(candidate.code);
      if (first !== undefined) problem('code', `duplicate_of_row_${first}`);
      else seen.set(candidate.code, r);
    }
    if (problems.length === before && parsed.success) {
      rows.push({ row: r, drug: parsed.data, onHand: onHandValue });
    }
  }
  return { rows, problems };
}

function keyOfPath(path: string[]): Key {
  const [first, second] = path;
  if (first === 'strength') return second === 'unit' ? 'strengthUnit' : 'strengthValue';
  if (first === 'maxDailyDose') return second === 'unit' ? 'maxDailyUnit' : 'maxDailyValue';
  if (first === 'priceCents') return 'priceYuan';
  if (first === 'pregnancy') return 'pregnancyZh';
  if (first === 'lactation') return 'lactationZh';
  const direct = COLUMNS.find((c) => c.key === first);
  return direct ? direct.key : 'code';
}
