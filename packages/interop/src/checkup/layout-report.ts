// A text PDF's items to one report: header fields from the lines above the table, one item per table row.
import { reportFromHeader } from './header-fields.ts';
import { itemFromCells } from './item.ts';
import { layoutToRows, type LayoutTextItem } from './layout.ts';
import { ProblemList, refuse, rowProblem } from './problems.ts';
import type { ParsedReport, ParseOutcome } from './types.ts';

export function layoutToReport(items: readonly LayoutTextItem[]): ParseOutcome {
  const layout = layoutToRows(items);
  if (layout.rows.length === 0) {
    return refuse(
      'pdf',
      rowProblem(
        1,
        'not_a_report',
        'no item table was found (a header row with 项目/Item and 结果/Result, then item rows): this PDF does not look like a checkup report, or it is a scan (upload a photo instead)',
        '未找到检查项目表格（含“项目”“结果”表头的行及其下的项目行）：该 PDF 不像体检报告，或是扫描件（请改为上传照片）',
      ),
    );
  }
  const problems = new ProblemList();
  const header = reportFromHeader(layout.otherLines);
  problems.addAll(header.problems);
  const report: ParsedReport = { ...header.report, items: [] };
  if (layout.conclusion) report.conclusion = layout.conclusion;
  for (const row of layout.rows) {
    const { item, problems: itemProblems } = itemFromCells(
      {
        rowNo: row.rowNo,
        name: row.cells.name,
        result: row.cells.result,
        unit: row.cells.unit,
        range: row.cells.range,
        flag: row.cells.flag,
      },
      report.patient.sex,
    );
    problems.addAll(itemProblems);
    if (item) report.items.push(item);
  }
  return { format: 'pdf', reports: report.items.length > 0 ? [report] : [], problems: problems.list() };
}
