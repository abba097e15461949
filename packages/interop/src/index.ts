// Interoperability (FHIR R4 mappers, HL7 v2, Apple Health parsing): pure functions, no I/O.
export * from './hl7v2/index.ts';
export * from './fhir/index.ts';
export * from './checkup/index.ts';
export * from './apple-health/index.ts';
