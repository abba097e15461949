// HL7 v2 ORU^R01 results to checkup reports: one report per message (a file may hold a batch), the patient
// from PID, report number and time from the first OBR, one item per OBX. Segment positions follow HL7 v2.5.1.
import { Hl7ParseError } from '../hl7v2/errors.ts';
import { messageType, segmentsNamed, sendingFacility, textOf } from '../hl7v2/message.ts';
import { readOruResults, type ObservationResult, type OruPatient } from '../hl7v2/oru.ts';
import { parse } from '../hl7v2/parse.ts';
import { hl7TimestampToIso } from '../hl7v2/timestamp.ts';
import type { Hl7Message, Hl7Segment } from '../hl7v2/types.ts';
import { joinName } from '../fhir/patient.ts';
import { itemFromObx } from './hl7-item.ts';
import { compactPatient, completeFromNationalId, parseNationalId, parsePhone } from './patient-fields.ts';
import { ProblemList, quote, refuse, rowProblem } from './problems.ts';
import type { ParsedPatientRef, ParsedReport, ParseOutcome } from './types.ts';

const ENVELOPE = new Set(['FHS', 'FTS', 'BHS', 'BTS']);

/** The 1-based source line of every segment, in the order parse() returns them (envelopes are not segments). */
function segmentLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const content = index === 0 ? line.replace(/^\uFEFF/, '') : line;
    if (content.trim() !== '' && !ENVELOPE.has(content.slice(0, 3))) lines.push(index + 1);
  });
  return lines;
}

// PID-3 identifier type codes (HL7 table 0203): NNCHN is "national person identifier" of China (NN + ISO 3166).
const NATIONAL_ID_TYPES = new Set(['NNCHN', 'NI', 'NN', 'CZ', 'SFZ']);
const SEX: Readonly<Record<string, ParsedPatientRef['sex']>> = {
  M: 'male',
  F: 'female',
  U: 'unknown',
  O: 'unknown',
};

function patientOf(pid: Hl7Segment | undefined, patient: OruPatient | undefined): ParsedPatientRef {
  if (!patient) return {};
  let nationalId: string | undefined;
  let mrn: string | undefined;
  for (const identifier of patient.identifiers) {
    const type = identifier.typeCode?.toUpperCase();
    const asId = parseNationalId(identifier.value);
    if (!nationalId && asId && (type === undefined || NATIONAL_ID_TYPES.has(type) || type === 'PI')) {
      nationalId = asId.id;
    } else if (
      !mrn &&
      (type === undefined || type === 'MR' || type === 'PI' || type === 'PT' || type === 'PN')
    ) {
      mrn = identifier.value;
    }
  }
  const phone = pid ? (textOf(pid, 13, 1) ?? textOf(pid, 13, 12)) : undefined;
  return compactPatient(
    completeFromNationalId({
      nationalId,
      mrn: mrn ?? patient.identifiers.find((i) => i.value !== nationalId)?.value,
      name: joinName(patient.family, patient.given),
      sex: patient.sex === undefined ? undefined : SEX[patient.sex.toUpperCase()],
      birthDate: patient.birthDate?.length === 10 ? patient.birthDate : undefined,
      phone: phone === undefined ? undefined : parsePhone(phone),
    }),
  );
}

function reportOf(
  message: Hl7Message,
  lines: readonly number[],
  firstSegment: number,
  problems: ProblemList,
): ParsedReport | undefined {
  const [pid] = segmentsNamed(message, 'PID');
  const oru = readOruResults(message);
  const obrs = segmentsNamed(message, 'OBR');
  const [obr] = obrs;
  const report: ParsedReport = { patient: patientOf(pid, oru.patient), items: [] };
  const externalId = obr && (textOf(obr, 3) ?? textOf(obr, 2));
  if (externalId) report.externalId = externalId;
  const times = obrs.map((o) => hl7TimestampToIso(textOf(o, 7))).filter((t): t is string => !!t);
  if (times[0]) report.performedAt = times[0];
  const facility = sendingFacility(message);
  if (facility) report.center = facility;
  if (obrs.length === 1 && obr) {
    const panel = textOf(obr, 4, 2) ?? textOf(obr, 4, 1);
    if (panel) report.packageName = panel;
  }
  const notes = message.segments.filter(
    (s, i) => s.name === 'NTE' && message.segments[i - 1]?.name !== 'OBX',
  );
  const conclusion = notes
    .map((n) => textOf(n, 3))
    .filter((t): t is string => !!t)
    .join('\n');
  if (conclusion) report.conclusion = conclusion.slice(0, 4000);

  const observations: ObservationResult[] = oru.requests.flatMap((r) => [...r.observations]);
  const obxIndexes = message.segments.flatMap((s, i) => (s.name === 'OBX' ? [i] : []));
  observations.forEach((observation, n) => {
    const segmentIndex = obxIndexes[n] ?? 0;
    const segment = message.segments[segmentIndex];
    const rowNo = lines[firstSegment + segmentIndex] ?? 1;
    if (!segment) return;
    const { item, problems: itemProblems } = itemFromObx(segment, observation, rowNo, report.patient.sex);
    problems.addAll(itemProblems);
    if (item) report.items.push(item);
  });
  return report.items.length > 0 ? report : undefined;
}

/** Reads an HL7 v2 file (one message, several, or a BHS/FHS batch) into reports. Never throws. */
export function hl7ToReports(input: string): ParseOutcome {
  // A message saved from an MLLP stream keeps its frame: 0x0b before, 0x1c after.
  const text = input.replaceAll('\u000b', '').replaceAll('\u001c', '');
  let messages: readonly Hl7Message[];
  try {
    messages = parse(text.replace(/^\s+/, ''));
  } catch (error) {
    const detail = error instanceof Hl7ParseError ? error : undefined;
    return refuse(
      'hl7',
      rowProblem(
        detail?.line ?? 1,
        'unreadable_hl7',
        `not a readable HL7 v2 file: ${detail?.message ?? 'unexpected input'}`,
        `无法读取的 HL7 v2 文件（第 ${detail?.line ?? 1} 行）：${hl7ErrorZh(detail?.code)}`,
      ),
    );
  }
  const leading = text.length - text.replace(/^\s+/, '').length;
  const lines = segmentLines(text.replace(/^\s+/, ''));
  const offset = text.slice(0, leading).split(/\r\n|\r|\n/).length - 1;
  const shifted = lines.map((line) => line + offset);
  const problems = new ProblemList();
  const reports: ParsedReport[] = [];
  let firstSegment = 0;
  for (const message of messages) {
    const type = messageType(message);
    const line = shifted[firstSegment] ?? 1;
    if (type.code !== 'ORU') {
      problems.add(
        rowProblem(
          line,
          'not_a_report',
          `message ${quote(`${type.code}^${type.trigger ?? ''}`)} is not an ORU^R01 result message; skipped`,
          `消息类型 ${quote(`${type.code}^${type.trigger ?? ''}`)} 不是检验结果消息（ORU^R01），已跳过`,
          'MSH-9',
        ),
      );
    } else {
      const report = reportOf(message, shifted, firstSegment, problems);
      if (report) reports.push(report);
    }
    firstSegment += message.segments.length;
  }
  const list = problems.list();
  if (reports.length === 0 && !list.some((p) => p.code !== 'not_a_report')) {
    return refuse(
      'hl7',
      rowProblem(1, 'not_a_report', 'the file holds no ORU^R01 results', '文件中没有检验结果消息（ORU^R01）'),
      list,
    );
  }
  return { format: 'hl7', reports, problems: list };
}

const ZH: Readonly<Record<string, string>> = {
  EMPTY: '文件为空',
  NO_MSH: '没有 MSH 消息头',
  SEGMENT_BEFORE_MSH: 'MSH 消息头之前出现了其他段',
  BAD_DELIMITERS: 'MSH-1/MSH-2 的分隔符无效',
  BAD_SEGMENT: '某行不是以段名（三个字母或数字）开头，或段名后不是字段分隔符',
  INCOMPLETE_MSH: 'MSH 缺少消息类型（MSH-9）或控制号（MSH-10）',
  BAD_BATCH: '批头/批尾（BHS/BTS）顺序错误',
  BAD_FILE: '文件头/文件尾（FHS/FTS）顺序错误',
};

const hl7ErrorZh = (code: string | undefined): string => (code && ZH[code]) ?? '无法解析';
