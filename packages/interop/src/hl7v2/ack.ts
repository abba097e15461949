import { controlId as controlIdOf, fieldOf, messageType } from './message.ts';
import { formatHl7Timestamp } from './timestamp.ts';
import type { Hl7Field, Hl7Message, Hl7Segment } from './types.ts';

export type AckCode = 'AA' | 'AE' | 'AR';

export interface AckOptions {
  /** AA accept, AE error, AR reject (HL7 v2.5 table 0008, original acknowledgment mode). */
  readonly code: AckCode;
  /** MSA-3, a human-readable reason; usually given with AE and AR. */
  readonly text?: string;
  /** MSH-10 of the ACK itself. */
  readonly controlId: string;
  /** MSH-7; the present moment when not given. */
  readonly at?: Date;
}

const text = (value: string): Hl7Field => [[[value]]];
const EMPTY: Hl7Field = text('');

/** The ACK answering `message`: MSA-2 names its control id; sender and receiver are swapped. */
export function buildAck(message: Hl7Message, options: AckOptions): Hl7Message {
  const [msh] = message.segments;
  const original = (field: number): Hl7Field => (msh ? fieldOf(msh, field) : undefined) ?? EMPTY;
  const { trigger } = messageType(message);
  const ackMsh: Hl7Segment = {
    name: 'MSH',
    fields: [
      original(1),
      original(2),
      original(5), // our sending application is their receiving application
      original(6),
      original(3),
      original(4),
      text(formatHl7Timestamp(options.at ?? new Date())),
      EMPTY,
      [[['ACK'], [trigger ?? ''], ['ACK']]],
      text(options.controlId),
      original(11),
      original(12),
    ],
  };
  const msaFields: Hl7Field[] = [text(options.code), text(controlIdOf(message) ?? '')];
  if (options.text !== undefined) msaFields.push(text(options.text));
  const msa: Hl7Segment = { name: 'MSA', fields: msaFields };
  return { delimiters: message.delimiters, segmentSeparator: '\r', segments: [ackMsh, msa] };
}
