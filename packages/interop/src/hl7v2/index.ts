export { Hl7ParseError, type Hl7ParseErrorCode } from './errors.ts';
export { parse, parseMessage } from './parse.ts';
export { serialize } from './serialize.ts';
export {
  controlId,
  fieldOf,
  get,
  messageType,
  receivingApplication,
  receivingFacility,
  segmentsNamed,
  sendingApplication,
  sendingFacility,
  textOf,
  valueOf,
  version,
  type MessageType,
} from './message.ts';
export { buildAck, type AckCode, type AckOptions } from './ack.ts';
export {
  readOruResults,
  type Coding,
  type ObservationProblem,
  type ObservationRequest,
  type ObservationResult,
  type OruPatient,
  type OruResults,
  type PatientIdentifier,
} from './oru.ts';
export { parseReferenceRange, type ReferenceRange } from './reference-range.ts';
export { formatHl7Timestamp, hl7TimestampToIso } from './timestamp.ts';
export {
  STANDARD_DELIMITERS,
  type Hl7Component,
  type Hl7Delimiters,
  type Hl7Field,
  type Hl7Message,
  type Hl7Repetition,
  type Hl7Segment,
  type Hl7Value,
  type SegmentSeparator,
} from './types.ts';
