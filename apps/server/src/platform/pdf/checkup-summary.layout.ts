import {
  COLORS,
  CONTENT_WIDTH,
  STYLES,
  dataTable,
  flagCell,
  flagColor,
  flagText,
  footer,
  keepTogether,
  orDash,
  patientBlock,
  runningHeader,
  sectionTitle,
  titledBlock,
} from './blocks.ts';
import { trendChart } from './chart.ts';
import { labelsFor, type Labels } from './labels.ts';
import { renderPdf } from './render.ts';
import type { CheckupItemView, CheckupSummaryView, PdfDefinition, PdfNode, ResultFlag } from './types.ts';

// The checkup summary a patient takes home: what is abnormal first, what it means, how it has moved, what to do,
// then every item by category. A4, printable in greyscale (flags carry arrows and words, not only colour).

const SEVERITY: Record<ResultFlag, number> = { HH: 0, LL: 0, H: 1, L: 1, A: 1, N: 2 };

function isAbnormal(item: CheckupItemView): boolean {
  return item.flag !== 'N';
}

/** Abnormal items, critical ones first, otherwise in report order. */
export function abnormalItems(items: readonly CheckupItemView[]): CheckupItemView[] {
  return items.filter(isAbnormal).sort((a, b) => SEVERITY[a.flag] - SEVERITY[b.flag]);
}

function heading(view: CheckupSummaryView, labels: Labels): PdfNode {
  const fact = (label: string, value: string) => ({
    text: [{ text: `${label}${labels.colon}`, style: 'label' }, value],
  });
  return [
    { text: view.organizationName, style: 'org' },
    { text: labels.checkupTitle, style: 'title' },
    {
      columns: [
        fact(labels.reportNo, view.reportNo),
        { ...fact(labels.checkupDate, view.checkupDate), alignment: 'center' },
        { ...fact(labels.centre, view.centre), alignment: 'right' },
      ],
      margin: [0, 0, 0, 6],
    },
  ];
}

function resultCell(item: CheckupItemView): PdfNode {
  return { text: item.result, bold: isAbnormal(item), color: flagColor(item.flag) };
}

function changeCell(item: CheckupItemView, labels: Labels): PdfNode {
  if (!item.change) return orDash(null);
  const color =
    item.change === 'worse' || item.change === 'new'
      ? COLORS.high
      : item.change === 'better'
        ? '#1e7b3a'
        : COLORS.ink;
  return {
    stack: [
      { text: labels.changes[item.change], bold: true, color },
      ...(item.previous
        ? [{ text: labels.previous(item.previous.result, item.previous.date), style: 'small' }]
        : []),
    ],
  };
}

function abnormalSection(abnormal: CheckupItemView[], labels: Labels): PdfNode {
  if (abnormal.length === 0) return [sectionTitle(labels.abnormalTitle), { text: labels.noAbnormal }];
  return [
    sectionTitle(labels.abnormalTitle),
    dataTable({
      widths: ['*', 60, 50, 66, 74, 96],
      header: [labels.item, labels.result, labels.unit, labels.reference, labels.flag, labels.change],
      rows: abnormal.map((item) => [
        { text: item.name, bold: true },
        resultCell(item),
        orDash(item.unit),
        orDash(item.referenceRange),
        flagCell(item.flag, labels),
        changeCell(item, labels),
      ]),
      highlightRows: new Set(abnormal.map((_, i) => i + 1)),
    }),
  ];
}

function explanationsSection(abnormal: CheckupItemView[], labels: Labels): PdfNode {
  const explained = abnormal.filter((item) => item.explanation);
  const paragraph = (label: string, text: string) => ({
    text: [{ text: `${label}  `, bold: true, color: COLORS.accent }, text],
    margin: [0, 1, 0, 1],
  });
  const blocks = explained.map((item) => ({
    margin: [0, 2, 0, 6],
    stack: [
      {
        text: [
          { text: item.name, bold: true, fontSize: 10 },
          { text: `  ${item.result}${item.unit ? ` ${item.unit}` : ''}  `, color: flagColor(item.flag) },
          { text: flagText(item.flag, labels), color: flagColor(item.flag), bold: true },
        ],
        margin: [0, 0, 0, 2],
      },
      paragraph(labels.measures, item.explanation!.measures),
      paragraph(labels.meaning, item.explanation!.meaning),
      paragraph(labels.nextSteps, item.explanation!.nextSteps),
    ],
  }));
  const [first, ...rest] = blocks;
  return first ? [titledBlock(labels.explanationsTitle, first), ...rest.map(keepTogether)] : [];
}

function trendsSection(view: CheckupSummaryView, labels: Labels): PdfNode {
  const gap = 15;
  const width = (CONTENT_WIDTH - gap) / 2;
  const charts = view.trends.map((series) => trendChart(series, width)).filter((c) => c !== null);
  const rows: PdfNode[] = [];
  for (let i = 0; i < charts.length; i += 2) {
    rows.push({ columns: charts.slice(i, i + 2), columnGap: gap });
  }
  const [first, ...rest] = rows;
  if (!first) return [];
  return [
    titledBlock(labels.trendsTitle, [{ text: labels.referenceBand, style: 'small' }, first]),
    ...rest.map(keepTogether),
  ];
}

function adviceSection(view: CheckupSummaryView, labels: Labels): PdfNode {
  const parts: PdfNode[] = [];
  if (view.recommendations.length > 0) {
    parts.push(sectionTitle(labels.recommendationsTitle), {
      ul: view.recommendations.map((text) => ({ text, margin: [0, 1, 0, 1] })),
      margin: [0, 0, 0, 4],
    });
  }
  if (view.followUps.length > 0) {
    parts.push(
      sectionTitle(labels.followUpsTitle),
      dataTable({
        widths: ['*', 70, 160],
        header: [labels.task, labels.dueDate, labels.note],
        rows: view.followUps.map((task) => [task.title, orDash(task.dueDate), orDash(task.note)]),
      }),
    );
  }
  return parts;
}

function allItemsSection(items: readonly CheckupItemView[], labels: Labels): PdfNode {
  const categories = new Map<string, CheckupItemView[]>();
  for (const item of items) categories.set(item.category, [...(categories.get(item.category) ?? []), item]);
  const rows: PdfNode[][] = [];
  for (const [category, categoryItems] of categories) {
    rows.push([
      { text: category, colSpan: 5, bold: true, color: COLORS.accent, fillColor: '#f0f4f8' },
      {},
      {},
      {},
      {},
    ]);
    for (const item of categoryItems) {
      rows.push([
        item.name,
        resultCell(item),
        orDash(item.unit),
        orDash(item.referenceRange),
        flagCell(item.flag, labels),
      ]);
    }
  }
  return [
    sectionTitle(labels.allItemsTitle),
    dataTable({
      widths: ['*', 70, 60, 90, 70],
      header: [labels.item, labels.result, labels.unit, labels.reference, labels.flag],
      rows,
    }),
  ];
}

export function checkupSummaryDefinition(view: CheckupSummaryView): PdfDefinition {
  const labels = labelsFor(view.language);
  const abnormal = abnormalItems(view.items);
  return {
    language: view.language,
    title: `${labels.checkupTitle} ${view.reportNo}`,
    author: view.organizationName,
    styles: STYLES,
    header: runningHeader(
      [view.organizationName, labels.checkupTitle, view.reportNo, view.patient.name].join(' · '),
    ),
    footer: footer(labels, labels.checkupDisclaimer, view.generatedAt, view.timeZone),
    content: [
      heading(view, labels),
      patientBlock(view.patient, labels),
      abnormalSection(abnormal, labels),
      explanationsSection(abnormal, labels),
      trendsSection(view, labels),
      adviceSection(view, labels),
      allItemsSection(view.items, labels),
    ],
  };
}

/** The checkup summary report as PDF bytes. */
export function renderCheckupSummaryPdf(view: CheckupSummaryView): Promise<Buffer> {
  return renderPdf(checkupSummaryDefinition(view));
}
