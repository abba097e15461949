// Text PDFs of checkup reports: text items with positions, grouped into lines, the item table found by its
// header (项目 结果 单位 参考范围 提示), including the common layout with two tables side by side.
import { conclusionStart } from './header-fields.ts';
import { clip, cleanCell } from './text.ts';

/** A text run as pdf.js gives it, with y measured from the top of the page (PDF units). */
export interface LayoutTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly page: number;
  /** Font height, when known; sets how far apart two runs may be and still share a line. */
  readonly height?: number;
}

export type LayoutColumn = 'name' | 'result' | 'unit' | 'range' | 'flag';

export interface LayoutRow {
  /** 1-based line of the document (lines counted over all pages). */
  readonly rowNo: number;
  readonly page: number;
  /** 0 for the left (or only) table of the page, 1 for the right one of a two-column layout. */
  readonly table: number;
  readonly cells: Record<LayoutColumn, string>;
}

export interface LayoutLine {
  readonly rowNo: number;
  readonly page: number;
  readonly text: string;
}

export interface LayoutRows {
  readonly lines: readonly LayoutLine[];
  /** Lines that are neither the table header nor an item row: patient header, notes, footers. */
  readonly otherLines: readonly LayoutLine[];
  readonly rows: readonly LayoutRow[];
  readonly conclusion?: string;
  /** Number of item tables side by side on the widest header line (2 for the two-column layout). */
  readonly tablesPerLine: number;
}

const HEADER_WORDS: Readonly<Record<string, LayoutColumn>> = Object.fromEntries(
  (
    [
      [
        'name',
        [
          '项目',
          '项目名称',
          '检查项目',
          '检验项目',
          '体检项目',
          '检查指标',
          '名称',
          'item',
          'items',
          'test',
          'testname',
        ],
      ],
      ['result', ['结果', '检查结果', '检验结果', '测定值', '结果值', 'result', 'results', 'value']],
      ['unit', ['单位', 'unit', 'units']],
      [
        'range',
        [
          '参考范围',
          '参考值',
          '参考区间',
          '正常值',
          '正常范围',
          'reference',
          'referencerange',
          'ref',
          'range',
          'refrange',
        ],
      ],
      ['flag', ['提示', '标志', '异常提示', '高低', 'flag', 'flags']],
    ] as const
  ).flatMap(([column, words]) => words.map((w) => [w, column])),
);

interface Run {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

interface Line {
  readonly rowNo: number;
  readonly page: number;
  readonly y: number;
  /** The tallest run's font height. */
  readonly height: number;
  readonly runs: readonly Run[];
}

const headerWord = (text: string): LayoutColumn | undefined =>
  HEADER_WORDS[
    cleanCell(text)
      .toLowerCase()
      .replace(/[\s:：]/g, '')
  ];

/** Groups items into lines: same page, y within a tolerance of the line's first item; runs sorted by x. */
function toLines(items: readonly LayoutTextItem[]): Line[] {
  const usable = items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  usable.sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const lines: { page: number; y: number; tol: number; items: LayoutTextItem[] }[] = [];
  for (const item of usable) {
    const last = lines[lines.length - 1];
    if (last && last.page === item.page && Math.abs(item.y - last.y) <= last.tol) last.items.push(item);
    else
      lines.push({ page: item.page, y: item.y, tol: Math.max(2, (item.height ?? 6) * 0.5), items: [item] });
  }
  return lines.map((line, index) => {
    const sorted = [...line.items].sort((a, b) => a.x - b.x);
    const runs: Run[] = [];
    for (const item of sorted) {
      const prev = runs[runs.length - 1];
      const charWidth = item.width / Math.max(1, item.str.length);
      // Runs closer than a third of a character belong to one word (pdf.js splits at font changes).
      if (prev && item.x - prev.x1 < charWidth / 3) {
        runs[runs.length - 1] = {
          text: prev.text + item.str,
          x0: prev.x0,
          x1: Math.max(prev.x1, item.x + item.width),
        };
      } else {
        runs.push({ text: item.str, x0: item.x, x1: item.x + Math.max(0, item.width) });
      }
    }
    const height = Math.max(...line.items.map((i) => i.height ?? 6));
    return { rowNo: index + 1, page: line.page, y: line.y, height, runs };
  });
}

interface Table {
  /**
   * Column starts: a run belongs to the last column whose start is at or left of the run's start. Header words
   * we do not read (序号, 检验方法) are columns too, with no name, so that their cells land nowhere.
   */
  readonly columns: readonly { column: LayoutColumn | undefined; start: number }[];
  readonly start: number;
  readonly end: number;
}

type Head = { readonly run: Run; readonly column: LayoutColumn | undefined };

/** The tables a header line defines, or none when the line is not a header. */
function tablesOf(line: Line): Table[] {
  const heads: Head[] = line.runs.map((run) => ({ run, column: headerWord(run.text) }));
  const known = heads.filter((h) => h.column).length;
  if (known < 2 || (known < 3 && known < heads.length)) return [];
  // Each item-name header starts a table; a word before it (序号) still bounds its first column.
  const groups: Head[][] = [];
  for (const head of heads) {
    if (head.column === 'name' || groups.length === 0) groups.push([]);
    groups[groups.length - 1]?.push(head);
  }
  const tables = groups.filter(
    (g) => g.some((h) => h.column === 'name') && g.some((h) => h.column === 'result'),
  );
  return tables.map((group) => {
    const before = heads[heads.indexOf(group[0] as Head) - 1];
    const columns = group.map((h, i) => {
      const prev = group[i - 1] ?? before;
      return { column: h.column, start: prev ? (prev.run.x1 + h.run.x0) / 2 : -Infinity };
    });
    const lastRun = group[group.length - 1]?.run;
    const after = heads[heads.indexOf(group[group.length - 1] as Head) + 1];
    const end = !after || !lastRun ? Infinity : (lastRun.x1 + after.run.x0) / 2;
    return { columns, start: columns[0]?.start ?? -Infinity, end };
  });
}

function cellsOf(line: Line, table: Table): Record<LayoutColumn, string> {
  const cells: Record<LayoutColumn, string> = { name: '', result: '', unit: '', range: '', flag: '' };
  for (const run of line.runs) {
    if (run.x0 < table.start || run.x0 >= table.end) continue;
    let column: LayoutColumn | undefined;
    for (const c of table.columns) if (run.x0 >= c.start) column = c.column;
    if (column) cells[column] = clip(cells[column] === '' ? run.text : `${cells[column]} ${run.text}`);
  }
  for (const key of Object.keys(cells) as LayoutColumn[]) cells[key] = cleanCell(cells[key]);
  return cells;
}

interface TableState {
  last?: { row: LayoutRow; startY: number; lastY: number };
  /** The smallest distance seen between two rows of this table: a wrapped cell line is closer than that. */
  pitch?: number;
}

/** A line with no result, just below a row and closer than a row pitch, holds that row's wrapped cells. */
function continuesRow(
  state: TableState,
  line: Line,
): state is TableState & Required<Pick<TableState, 'last'>> {
  const last = state.last;
  if (!last || last.row.page !== line.page) return false;
  const gap = line.y - last.lastY;
  return gap > 0 && gap < (state.pitch === undefined ? 1.5 * line.height : 0.8 * state.pitch);
}

const joinWrapped = (a: string, b: string): string =>
  a === '' || b === ''
    ? a + b
    : /\p{Script=Han}$/u.test(a) && /^\p{Script=Han}/u.test(b)
      ? a + b
      : `${a} ${b}`;

function appendWrapped(into: Record<LayoutColumn, string>, cells: Record<LayoutColumn, string>): void {
  for (const key of ['name', 'unit', 'range', 'flag'] as const)
    into[key] = joinWrapped(into[key], cells[key]);
}

const lineText = (line: Line): string => line.runs.map((r) => r.text).join('  ');
const LABEL = /[:：]/;

export function layoutToRows(items: readonly LayoutTextItem[]): LayoutRows {
  const lines = toLines(items);
  const rows: LayoutRow[] = [];
  const otherLines: LayoutLine[] = [];
  let tables: Table[] = [];
  let tableState: TableState[] = [];
  let tablesPerLine = 0;
  let conclusion: string[] | undefined;
  for (const line of lines) {
    const text = lineText(line);
    const found = tablesOf(line);
    if (found.length > 0) {
      tables = found;
      tableState = [];
      tablesPerLine = Math.max(tablesPerLine, found.length);
      conclusion = undefined;
      continue;
    }
    const startsConclusion = conclusionStart(text);
    if (startsConclusion !== undefined) {
      conclusion = startsConclusion === '' ? [] : [startsConclusion];
      tables = [];
      continue;
    }
    if (conclusion) {
      if (conclusion.join('').length < 4000) conclusion.push(text.trim());
      continue;
    }
    let isRow = false;
    tables.forEach((table, index) => {
      const cells = cellsOf(line, table);
      const state = (tableState[index] ??= {});
      if (cells.name !== '' && cells.result !== '' && !LABEL.test(cells.name)) {
        const row: LayoutRow = { rowNo: line.rowNo, page: line.page, table: index, cells };
        if (state.last && state.last.row.page === line.page) {
          const pitch = line.y - state.last.startY;
          if (pitch > 0) state.pitch = Math.min(state.pitch ?? pitch, pitch);
        }
        state.last = { row, startY: line.y, lastY: line.y };
        rows.push(row);
        isRow = true;
      } else if (cells.result === '' && (cells.name !== '' || cells.range !== '' || cells.unit !== '')) {
        if (continuesRow(state, line)) {
          appendWrapped(state.last.row.cells, cells);
          state.last.lastY = line.y;
          isRow = true;
        }
      }
    });
    if (!isRow) otherLines.push({ rowNo: line.rowNo, page: line.page, text });
  }
  // Left table top to bottom, then the right one, page by page (sort is stable).
  const ordered = [...rows].sort((a, b) => a.page - b.page || a.table - b.table);
  const result: LayoutRows = {
    lines: lines.map((l) => ({ rowNo: l.rowNo, page: l.page, text: lineText(l) })),
    otherLines,
    rows: ordered,
    tablesPerLine,
  };
  const joined = conclusion?.filter((c) => c !== '').join('\n');
  return joined ? { ...result, conclusion: joined } : result;
}
