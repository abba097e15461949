// FHIR R4 JSON reading for checkup and lab import: readBundle() never throws; problems carry a code and a JSON path.
export { isFhirDate, isFhirDateTime } from './datetime.ts';
export { problem, type FhirProblem, type FhirProblemCode } from './problems.ts';
export {
  entriesOfType,
  readBundle,
  SUPPORTED_BUNDLE_TYPES,
  type FhirEntry,
  type FhirReadResult,
  type FhirResource,
  type SupportedBundleType,
} from './bundle.ts';
export { LOINC, UCUM, type FhirCoding, type FhirConcept, type FhirQuantity } from './datatypes.ts';
export {
  extractObservations,
  INTERPRETATION_CODES,
  OBSERVATION_STATUSES,
  type FhirObservation,
  type FhirObservationComponent,
  type FhirObservations,
  type FhirObservationValue,
  type FhirReferenceRange,
  type InterpretationCode,
  type ObservationStatus,
} from './observation.ts';
export {
  DIAGNOSTIC_REPORT_STATUSES,
  extractDiagnosticReports,
  type DiagnosticReportStatus,
  type FhirDiagnosticReport,
  type FhirDiagnosticReports,
} from './diagnostic-report.ts';
export {
  extractPatient,
  extractPatients,
  GENDERS,
  joinName,
  type FhirGender,
  type FhirPatient,
  type FhirPatientIdentifier,
  type FhirPatientName,
  type FhirPatients,
} from './patient.ts';
