import { formatDateTime, type Labels } from './labels.ts';
import type { PatientDetailsView, PdfNode, PdfStyle, Provenance, ResultFlag } from './types.ts';

// Building blocks shared by the report layouts: styles, section titles, tables, the patient block, page header and
// footer. Colours are chosen to survive greyscale printing: flags also carry an arrow and a word.

/** A4 (595.28 pt) less the 40 pt side margins renderPdf uses. */
export const CONTENT_WIDTH = 515;

export const COLORS = {
  ink: '#1f2933',
  muted: '#616e7c',
  rule: '#cbd2d9',
  accent: '#1d5fa8',
  headerFill: '#e8eef6',
  zebraFill: '#f7f9fb',
  high: '#b42318',
  low: '#1d5fa8',
  abnormalFill: '#fdf0ee',
  band: '#dcefe2',
};

export const STYLES: Record<string, PdfStyle> = {
  org: { fontSize: 15, bold: true, alignment: 'center', color: COLORS.ink },
  title: { fontSize: 12, bold: true, alignment: 'center', color: COLORS.accent, margin: [0, 2, 0, 8] },
  section: { fontSize: 11.5, bold: true, color: COLORS.accent, margin: [0, 12, 0, 4] },
  subsection: { fontSize: 10, bold: true, color: COLORS.ink, margin: [0, 6, 0, 2] },
  th: { bold: true, fontSize: 8.5, color: COLORS.ink },
  small: { fontSize: 7.5, color: COLORS.muted },
  label: { fontSize: 8.5, color: COLORS.muted },
};

/**
 * A section title with a rule under it. headlineLevel 1 lets renderPdf move a title that starts too low to the next
 * page; titles inside an unbreakable block go without it (a page break inside one makes pdfmake drop its content).
 */
export function sectionTitle(text: string, options: { inUnbreakable?: boolean } = {}): PdfNode {
  return [
    { text, style: 'section', ...(options.inUnbreakable ? {} : { headlineLevel: 1 }) },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.8, lineColor: COLORS.accent },
      ],
      margin: [0, 0, 0, 5],
    },
  ];
}

/**
 * A block that never splits across pages. pdfmake loses the content of an unbreakable block nested in another one
 * when it moves them to a new page, so keepTogether and titledBlock must not contain each other.
 */
export function keepTogether(node: PdfNode): PdfNode {
  return { unbreakable: true, stack: [node] };
}

/** A section title on the same page as the first block of its section, kept together as one unbreakable block. */
export function titledBlock(title: string, first: PdfNode): PdfNode {
  return keepTogether([sectionTitle(title, { inUnbreakable: true }), first]);
}

const tableLayout = (zebra: boolean, highlightRows: ReadonlySet<number> = new Set()) => ({
  hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) =>
    i === 0 || i === node.table.body.length ? 0.8 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => COLORS.rule,
  fillColor: (row: number) =>
    row === 0
      ? COLORS.headerFill
      : highlightRows.has(row)
        ? COLORS.abnormalFill
        : zebra && row % 2 === 0
          ? COLORS.zebraFill
          : null,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
});

/** A table whose header row repeats on every page it spans and whose rows never split across pages. */
export function dataTable(options: {
  widths: (number | string)[];
  header: string[];
  rows: PdfNode[][];
  highlightRows?: ReadonlySet<number>;
}): PdfNode {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: options.widths,
      body: [options.header.map((text) => ({ text, style: 'th' })), ...options.rows],
    },
    layout: tableLayout(!options.highlightRows, options.highlightRows),
    margin: [0, 2, 0, 6],
  };
}

export function emptyNote(labels: Labels): PdfNode {
  return { text: labels.none, style: 'label', margin: [0, 0, 0, 6] };
}

const ARROWS: Record<ResultFlag, string> = { N: '', H: '↑', L: '↓', HH: '↑↑', LL: '↓↓', A: '*' };

export function flagColor(flag: ResultFlag | null): string {
  if (flag === 'H' || flag === 'HH' || flag === 'A') return COLORS.high;
  if (flag === 'L' || flag === 'LL') return COLORS.low;
  return COLORS.ink;
}

/** "↑ High" style flag text, or an empty string for a normal value. */
export function flagText(flag: ResultFlag | null, labels: Labels): string {
  if (flag === null || flag === 'N') return '';
  return `${ARROWS[flag]} ${labels.flags[flag]}`;
}

export function flagCell(flag: ResultFlag | null, labels: Labels): PdfNode {
  return { text: flagText(flag, labels), color: flagColor(flag), bold: flag === 'HH' || flag === 'LL' };
}

/** "Lab · Dr Wang · Peking Union Medical College Hospital": where an entry came from and who recorded it. */
export function provenanceText(p: Provenance, labels: Labels): string {
  return [labels.sources[p.source], p.recordedBy, p.organization].filter(Boolean).join(' · ');
}

export function provenanceCell(p: Provenance, labels: Labels): PdfNode {
  return { text: provenanceText(p, labels), style: 'small' };
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

function labelled(label: string, value: string): PdfNode {
  return {
    text: [
      { text: `${label}  `, style: 'label' },
      { text: value, bold: true },
    ],
  };
}

/** Name, sex, age and masked ID in one boxed row. */
export function patientBlock(
  patient: PatientDetailsView & { birthDate?: string | null },
  labels: Labels,
): PdfNode {
  const cells: PdfNode[] = [
    labelled(labels.name, patient.name),
    labelled(labels.sex, labels.sexes[patient.sex]),
    labelled(labels.age, patient.age === null ? '—' : labels.ageYears(patient.age)),
    labelled(labels.idNumber, orDash(patient.maskedId)),
  ];
  if (patient.birthDate) cells.splice(3, 0, labelled(labels.birthDate, patient.birthDate));
  return {
    table: { widths: cells.length === 4 ? ['*', 60, 70, 150] : ['*', 50, 60, 95, 140], body: [cells] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: (i: number, node: { table: { widths: unknown[] } }) =>
        i === 0 || i === node.table.widths.length ? 0.5 : 0,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 0, 0, 4],
  };
}

/** A small running header for every page after the first (the first page carries the full heading). */
export function runningHeader(text: string): (page: number) => PdfNode | null {
  return (page) =>
    page === 1 ? null : { text, style: 'small', alignment: 'right', margin: [40, 24, 40, 0] };
}

/** Disclaimer, generated time and "page x of y" on every page. */
export function footer(
  labels: Labels,
  disclaimer: string,
  generatedAt: Date,
  timeZone: string | undefined,
): (page: number, pages: number) => PdfNode {
  const generated = labels.generatedAt(formatDateTime(generatedAt, timeZone));
  return (page, pages) => ({
    margin: [40, 8, 40, 0],
    stack: [
      {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLORS.rule },
        ],
      },
      { text: disclaimer, style: 'small', margin: [0, 3, 0, 1] },
      {
        columns: [
          { text: generated, style: 'small' },
          { text: labels.page(page, pages), style: 'small', alignment: 'right' },
        ],
      },
    ],
  });
}
