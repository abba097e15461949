import type { Hl7Field, Hl7Message, Hl7Segment, Hl7Value } from './types.ts';

/** All segments with this name, in message order. */
export function segmentsNamed(message: Hl7Message, name: string): readonly Hl7Segment[] {
  return message.segments.filter((segment) => segment.name === name);
}

/** A segment's field, 1-based as HL7 writes it (MSH-1 is the field separator). */
export function fieldOf(segment: Hl7Segment, field: number): Hl7Field | undefined {
  return field >= 1 ? segment.fields[field - 1] : undefined;
}

/**
 * One value of a segment, every position 1-based: `valueOf(obx, 3, 1)` is OBX-3.1.
 * `undefined` when absent, `null` for HL7's explicit null `""`.
 */
export function valueOf(
  segment: Hl7Segment,
  field: number,
  component = 1,
  subcomponent = 1,
  repetition = 1,
): Hl7Value | undefined {
  return fieldOf(segment, field)?.[repetition - 1]?.[component - 1]?.[subcomponent - 1];
}

/** Like valueOf, but only a present, non-null, non-empty string counts. */
export function textOf(segment: Hl7Segment, field: number, component = 1, subcomponent = 1, repetition = 1) {
  const value = valueOf(segment, field, component, subcomponent, repetition);
  return value ? value : undefined;
}

/** `get(message, 'OBX', 2, 5)` is OBX-5 of the second OBX; component and subcomponent default to 1. */
export function get(
  message: Hl7Message,
  segment: string,
  occurrence: number,
  field: number,
  component = 1,
  subcomponent = 1,
): Hl7Value | undefined {
  const found = segmentsNamed(message, segment)[occurrence - 1];
  return found ? valueOf(found, field, component, subcomponent) : undefined;
}

export interface MessageType {
  readonly code: string;
  readonly trigger: string | undefined;
  readonly structure: string | undefined;
}

function header(message: Hl7Message): Hl7Segment | undefined {
  const [first] = message.segments;
  return first?.name === 'MSH' ? first : undefined;
}

function headerText(message: Hl7Message, field: number, component = 1): string | undefined {
  const msh = header(message);
  return msh ? textOf(msh, field, component) : undefined;
}

/** MSH-9, e.g. { code: 'ORU', trigger: 'R01', structure: 'ORU_R01' }. */
export function messageType(message: Hl7Message): MessageType {
  return {
    code: headerText(message, 9, 1) ?? '',
    trigger: headerText(message, 9, 2),
    structure: headerText(message, 9, 3),
  };
}

/** MSH-10. */
export function controlId(message: Hl7Message): string | undefined {
  return headerText(message, 10);
}

/** MSH-12 (the version id, e.g. '2.5.1'). */
export function version(message: Hl7Message): string | undefined {
  return headerText(message, 12);
}

/** MSH-3 namespace id. */
export function sendingApplication(message: Hl7Message): string | undefined {
  return headerText(message, 3);
}

/** MSH-4 namespace id. */
export function sendingFacility(message: Hl7Message): string | undefined {
  return headerText(message, 4);
}

/** MSH-5 namespace id. */
export function receivingApplication(message: Hl7Message): string | undefined {
  return headerText(message, 5);
}

/** MSH-6 namespace id. */
export function receivingFacility(message: Hl7Message): string | undefined {
  return headerText(message, 6);
}
