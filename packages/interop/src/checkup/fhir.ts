// FHIR R4 Bundles (or a lone resource) to checkup reports: each DiagnosticReport with its results is one
// report; Observations no report refers to are grouped by subject and effective date.
import { readBundle, type FhirResource } from '../fhir/bundle.ts';
import { extractDiagnosticReports } from '../fhir/diagnostic-report.ts';
import type { FhirObservation } from '../fhir/observation.ts';
import { extractPatients, type FhirPatient } from '../fhir/patient.ts';
import { field, isObject, type FhirProblem } from '../fhir/problems.ts';
import { datePart } from './dates.ts';
import { itemsFromObservation } from './fhir-item.ts';
import { compactPatient, completeFromNationalId, parseNationalId, parsePhone } from './patient-fields.ts';
import { ProblemList, refuse, rowProblem } from './problems.ts';
import type { ParsedPatientRef, ParsedReport, ParseOutcome, RowProblem } from './types.ts';

/** Bundle entry number (1-based) of a JSON path; 1 for a lone resource. */
const entryNo = (path: string): number => {
  const match = /^\$\.entry\[(\d+)\]/.exec(path);
  return match?.[1] === undefined ? 1 : Number(match[1]) + 1;
};

const PROBLEM_CODES: Readonly<Record<FhirProblem['code'], [code: string, zh: string]>> = {
  INVALID_JSON: ['bad_json', '文件不是有效的 JSON'],
  NOT_A_BUNDLE: ['not_fhir', '文件不是 FHIR Bundle 或资源'],
  UNSUPPORTED_BUNDLE_TYPE: ['unsupported_bundle', 'Bundle 类型不常见，已按 collection 读取'],
  UNKNOWN_RESOURCE_TYPE: ['unknown_resource', '资源类型不是 FHIR R4 资源，已跳过'],
  MISSING_FIELD: ['missing_value', '缺少必需字段'],
  INVALID_TYPE: ['invalid_value', '字段的数据类型错误，已忽略'],
  INVALID_CODE: ['invalid_code', '编码不在允许的取值范围内'],
  INVALID_DATE: ['bad_date', '日期格式无效'],
  UNRESOLVED_REFERENCE: ['unresolved_reference', '引用的 Observation 不在 Bundle 中'],
};

function toRowProblem(p: FhirProblem): RowProblem {
  const [code, zh] = PROBLEM_CODES[p.code];
  return rowProblem(entryNo(p.path), code, `${p.path}: ${p.message}`, `${p.path}：${zh}`, p.path);
}

const NATIONAL_ID_TYPES = new Set(['NNCHN', 'NI', 'NN']);
// OID of the PRC resident identity card number (WS 363 / 卫生信息数据元 2.16.156.10011.1.3).
const NATIONAL_ID_SYSTEM = /2\.16\.156\.10011\.1\.3|id-?card|shenfenzheng|sfz/i;

function patientRef(patient: FhirPatient | undefined, resource: FhirResource | undefined): ParsedPatientRef {
  if (!patient) return {};
  let nationalId: string | undefined;
  for (const identifier of patient.identifiers) {
    const id = parseNationalId(identifier.value);
    const typed =
      NATIONAL_ID_TYPES.has(identifier.type ?? '') || NATIONAL_ID_SYSTEM.test(identifier.system ?? '');
    if (!nationalId && id && (typed || identifier.type === undefined)) nationalId = id.id;
  }
  // The record number is the MR-typed identifier, else the first untyped one that is not the national ID.
  const mrn = (
    patient.identifiers.find((i) => i.type === 'MR') ??
    patient.identifiers.find((i) => i.type === undefined && i.value !== nationalId)
  )?.value;
  const telecom = resource ? field(resource, 'telecom') : undefined;
  const phone = Array.isArray(telecom)
    ? telecom.find(
        (t) => isObject(t) && field(t, 'system') === 'phone' && typeof field(t, 'value') === 'string',
      )
    : undefined;
  return compactPatient(
    completeFromNationalId({
      nationalId,
      mrn,
      name: patient.name?.full,
      sex: patient.gender === undefined ? undefined : patient.gender === 'other' ? 'unknown' : patient.gender,
      birthDate: patient.birthDate?.length === 10 ? patient.birthDate : undefined,
      phone: isObject(phone) ? parsePhone(String(field(phone, 'value'))) : undefined,
    }),
  );
}

const firstString = (resource: FhirResource, key: string, inner: string): string | undefined => {
  const list = field(resource, key);
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  const value = isObject(first) ? field(first, inner) : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** Reads FHIR R4 JSON (text or parsed) into reports. Never throws. */
export function fhirToReports(input: unknown): ParseOutcome {
  const bundle = readBundle(input);
  const fatal = bundle.problems.find((p) => p.fatal);
  if (fatal) return refuse('fhir', toRowProblem(fatal));
  const problems = new ProblemList();
  for (const p of bundle.problems) problems.add(toRowProblem(p));
  const { reports: drs, observations, problems: drProblems } = extractDiagnosticReports(bundle);
  const { patients, problems: patientProblems } = extractPatients(bundle);
  for (const p of [...drProblems, ...patientProblems]) problems.add(toRowProblem(p));

  const resourceAt = new Map(bundle.entries.map((e) => [e.path, e.resource]));
  const patientByRef = new Map<string, ParsedPatientRef>();
  for (const patient of patients) {
    const ref = patientRef(patient, resourceAt.get(patient.path));
    if (patient.fullUrl) patientByRef.set(patient.fullUrl, ref);
    if (patient.id) patientByRef.set(`Patient/${patient.id}`, ref);
  }
  const only = patients.length === 1 ? [...patientByRef.values()][0] : undefined;
  const patientOf = (subject: string | undefined): ParsedPatientRef =>
    (subject === undefined ? undefined : patientByRef.get(subject)) ?? only ?? {};

  const addItems = (report: ParsedReport, list: readonly FhirObservation[]) => {
    for (const observation of list) {
      const { items, problems: itemProblems } = itemsFromObservation(
        observation,
        entryNo(observation.path),
        report.patient.sex,
      );
      problems.addAll(itemProblems);
      report.items.push(...items);
    }
  };

  const reports: ParsedReport[] = [];
  const reported = new Set<FhirObservation>();
  for (const dr of drs) {
    const resource = resourceAt.get(dr.path);
    const report: ParsedReport = { patient: patientOf(dr.subject), items: [] };
    const externalId = (resource && firstString(resource, 'identifier', 'value')) ?? dr.id;
    if (externalId) report.externalId = externalId;
    const performedAt = dr.effective ?? dr.issued;
    if (performedAt) report.performedAt = performedAt;
    const center = resource && firstString(resource, 'performer', 'display');
    if (center) report.center = center;
    if (dr.codeText) report.packageName = dr.codeText;
    const conclusion = resource && field(resource, 'conclusion');
    if (typeof conclusion === 'string' && conclusion.trim())
      report.conclusion = conclusion.trim().slice(0, 4000);
    for (const result of dr.results) reported.add(result);
    addItems(report, dr.results);
    if (report.items.length > 0) reports.push(report);
  }

  const loose = new Map<string, FhirObservation[]>();
  for (const observation of observations) {
    if (reported.has(observation)) continue;
    const at = observation.effective ?? observation.issued;
    const key = `${observation.subject ?? ''}|${at ? datePart(at) : ''}`;
    const group = loose.get(key);
    if (group) group.push(observation);
    else loose.set(key, [observation]);
  }
  for (const group of loose.values()) {
    const [first] = group;
    const report: ParsedReport = { patient: patientOf(first?.subject), items: [] };
    const at = group.map((o) => o.effective ?? o.issued).find((t) => t !== undefined);
    if (at) report.performedAt = at;
    addItems(report, group);
    if (report.items.length > 0) reports.push(report);
  }

  const list = problems.list();
  if (reports.length === 0 && observations.length === 0) {
    return refuse(
      'fhir',
      rowProblem(
        1,
        'not_a_report',
        'the FHIR input holds no Observation or DiagnosticReport results',
        'FHIR 内容中没有检验结果（Observation 或 DiagnosticReport）',
      ),
      list,
    );
  }
  return { format: 'fhir', reports, problems: list };
}
