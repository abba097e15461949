import {
  STYLES,
  dataTable,
  emptyNote,
  flagCell,
  flagColor,
  footer,
  orDash,
  patientBlock,
  provenanceCell,
  runningHeader,
  sectionTitle,
} from './blocks.ts';
import { formatDate, formatDateTime, labelsFor, type Labels } from './labels.ts';
import { renderPdf } from './render.ts';
import type { PdfDefinition, PdfNode, RecordExportView } from './types.ts';

// The patient's whole record as one PDF to download or take to another doctor. Every entry says where it came from
// (lab, checkup, device, self-reported, clinician, import) and who recorded it, so a reader can weigh it.

const SOURCE_WIDTH = 125;

/** A section title and its table, or the "none recorded" note when the section is empty. */
function section(
  title: string,
  labels: Labels,
  rows: PdfNode[][],
  widths: (number | string)[],
  header: string[],
) {
  return [sectionTitle(title), rows.length === 0 ? emptyNote(labels) : dataTable({ widths, header, rows })];
}

function observationsSection(view: RecordExportView, labels: Labels): PdfNode {
  const c = labels.columns;
  const groups = view.observations.filter((group) => group.values.length > 0);
  if (groups.length === 0) return [sectionTitle(labels.sections.observations), emptyNote(labels)];
  return [
    sectionTitle(labels.sections.observations),
    ...groups.map((group) => {
      const values = [...group.values].sort((a, b) => b.effectiveAt.getTime() - a.effectiveAt.getTime());
      const facts = [
        group.unit,
        group.referenceRange && `${labels.reference}${labels.colon}${group.referenceRange}`,
      ]
        .filter(Boolean)
        .join(' · ');
      return [
        {
          text: [{ text: group.name, bold: true }, facts ? { text: `  ${facts}`, style: 'label' } : ''],
          style: 'subsection',
          headlineLevel: 1,
        },
        dataTable({
          widths: [80, 80, 75, '*'],
          header: [c.time, labels.result, labels.flag, c.source],
          rows: values.map((v) => [
            formatDateTime(v.effectiveAt, view.timeZone),
            { text: `${v.result}${group.unit ? ` ${group.unit}` : ''}`, color: flagColor(v.flag) },
            flagCell(v.flag, labels),
            provenanceCell(v, labels),
          ]),
        }),
      ];
    }),
  ];
}

export function recordExportDefinition(view: RecordExportView): PdfDefinition {
  const labels = labelsFor(view.language);
  const c = labels.columns;
  const s = labels.sections;
  const src = (p: Parameters<typeof provenanceCell>[0]) => provenanceCell(p, labels);
  const encounters = [...view.encounters].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  return {
    language: view.language,
    title: labels.recordTitle,
    author: view.organizationName,
    styles: STYLES,
    header: runningHeader([view.organizationName, labels.recordTitle, view.patient.name].join(' · ')),
    footer: footer(labels, labels.recordDisclaimer, view.generatedAt, view.timeZone),
    content: [
      { text: view.organizationName, style: 'org' },
      { text: labels.recordTitle, style: 'title' },
      patientBlock(view.patient, labels),
      section(
        s.conditions,
        labels,
        view.conditions.map((x) => [
          orDash(x.icd10),
          { text: x.name, bold: true },
          labels.conditionStatus[x.status],
          orDash(x.onsetDate),
          src(x),
        ]),
        [48, '*', 48, 58, SOURCE_WIDTH],
        [c.icd10, c.condition, c.status, c.onset, c.source],
      ),
      section(
        s.allergies,
        labels,
        view.allergies.map((x) => [
          { text: x.substance, bold: true },
          orDash(x.reaction),
          { text: labels.severity[x.severity], bold: x.severity === 'severe' },
          src(x),
        ]),
        ['*', '*', 50, SOURCE_WIDTH],
        [c.substance, c.reaction, c.severity, c.source],
      ),
      section(
        s.medications,
        labels,
        view.medications.map((x) => [
          { text: x.name, bold: true },
          orDash(x.dose),
          orDash(x.frequency),
          labels.medicationStatus[x.status],
          orDash(x.startedOn),
          src(x),
        ]),
        ['*', 55, 65, 42, 58, SOURCE_WIDTH - 10],
        [c.medication, c.dose, c.frequency, c.status, c.started, c.source],
      ),
      section(
        s.procedures,
        labels,
        view.procedures.map((x) => [x.name, orDash(x.code), orDash(x.performedOn), src(x)]),
        ['*', 60, 58, SOURCE_WIDTH],
        [c.procedure, c.code, c.date, c.source],
      ),
      section(
        s.familyHistory,
        labels,
        view.familyHistory.map((x) => [labels.relation[x.relation], x.condition, orDash(x.onsetAge), src(x)]),
        [70, '*', 60, SOURCE_WIDTH],
        [c.relation, c.condition, c.onsetAge, c.source],
      ),
      section(
        s.lifestyle,
        labels,
        view.lifestyle.map((x) => [x.aspect, x.value, src(x)]),
        [80, '*', SOURCE_WIDTH],
        [c.aspect, c.details, c.source],
      ),
      section(
        s.encounters,
        labels,
        encounters.map((x) => [
          formatDate(x.startedAt, view.timeZone),
          labels.encounterKind[x.kind],
          orDash(x.department),
          orDash(x.summary),
          src(x),
        ]),
        [58, 58, 62, '*', SOURCE_WIDTH - 10],
        [c.date, c.kind, c.department, c.summary, c.source],
      ),
      observationsSection(view, labels),
      section(
        s.documents,
        labels,
        view.documents.map((x) => [x.title, orDash(x.date), src(x)]),
        ['*', 60, SOURCE_WIDTH],
        [c.title, c.date, c.source],
      ),
      section(
        s.checkups,
        labels,
        view.checkups.map((x) => [x.date, x.reportNo, x.centre, String(x.abnormalCount)]),
        [60, 110, '*', 60],
        [c.date, labels.reportNo, labels.centre, c.abnormalCount],
      ),
    ],
  };
}

/** The patient's whole record as PDF bytes. */
export function renderRecordExportPdf(view: RecordExportView): Promise<Buffer> {
  return renderPdf(recordExportDefinition(view));
}
