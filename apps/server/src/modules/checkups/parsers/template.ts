// The checkup import template the console offers for download, as Excel and as CSV: a header row, a row of hints
// and two example rows (their report numbers start with 示例/EXAMPLE, so an import skips them if left in).
import { CHECKUP_TEMPLATE_COLUMNS, formatCsv, type TemplateColumnKey } from '@careloop/interop';
import ExcelJS from 'exceljs';

export type TemplateLanguage = 'zh' | 'en';

const EXAMPLES: readonly Partial<Record<TemplateColumnKey, string>>[] = [
  {
    reportNo: '示例-TJ20260301001',
    nationalId: '110105198005201231',
    name: '张三',
    sex: '男',
    birthDate: '1980-05-20',
    checkupDate: '2026-03-01',
    center: '某某医院健康管理中心',
    packageName: '入职体检套餐A',
    itemName: '空腹血糖',
    itemCode: '14771-0',
    result: '7.2',
    unit: 'mmol/L',
    referenceRange: '3.9-6.1',
    flag: '↑',
    conclusion: '空腹血糖偏高，建议内分泌科复查',
  },
  {
    reportNo: '示例-TJ20260301001',
    nationalId: '110105198005201231',
    name: '张三',
    sex: '男',
    birthDate: '1980-05-20',
    checkupDate: '2026-03-01',
    itemName: '总胆固醇',
    itemCode: '2093-3',
    result: '4.8',
    unit: 'mmol/L',
    referenceRange: '<5.2',
  },
];

/** The template's rows: header, hints, examples. */
export function templateRows(language: TemplateLanguage): string[][] {
  const columns = CHECKUP_TEMPLATE_COLUMNS;
  return [
    columns.map((c) => (language === 'zh' ? c.zh : c.en)),
    columns.map((c) => (language === 'zh' ? c.hintZh : c.hintEn)),
    ...EXAMPLES.map((example) =>
      columns.map((c) => {
        const value = example[c.key] ?? '';
        return language === 'en' && c.key === 'reportNo' ? value.replace('示例', 'EXAMPLE') : value;
      }),
    ),
  ];
}

/** CSV in UTF-8 with a BOM, so Excel on a Chinese Windows opens it as UTF-8 rather than GBK. */
export function buildTemplateCsv(language: TemplateLanguage): Buffer {
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(formatCsv(templateRows(language)), 'utf8'),
  ]);
}

// Columns Excel would turn into numbers or dates (an 18-digit ID loses its last digits as a number).
const TEXT_COLUMNS: ReadonlySet<TemplateColumnKey> = new Set([
  'reportNo',
  'nationalId',
  'mrn',
  'phone',
  'birthDate',
  'checkupDate',
  'itemCode',
  'referenceRange',
]);

export async function buildTemplateXlsx(language: TemplateLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CareLoop';
  const sheet = workbook.addWorksheet(language === 'zh' ? '体检结果' : 'Results', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const rows = templateRows(language);
  for (const row of rows) sheet.addRow(row);
  CHECKUP_TEMPLATE_COLUMNS.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(
      12,
      Math.min(40, (language === 'zh' ? column.zh : column.en).length * 2 + 6),
    );
    // A column style, not cell styles: the sheet still ends after the examples, and new rows get it too.
    if (TEXT_COLUMNS.has(column.key)) sheetColumn.numFmt = '@';
    const required = column.required ? { bold: true } : {};
    sheet.getCell(1, index + 1).font = { ...required, color: { argb: 'FF1F4E79' } };
    sheet.getCell(2, index + 1).font = { italic: true, color: { argb: 'FF7F7F7F' } };
    sheet.getCell(2, index + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
