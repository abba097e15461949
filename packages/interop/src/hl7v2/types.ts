/** One leaf value, unescaped. `null` is HL7's explicit null `""` ("delete this value"), distinct from empty. */
export type Hl7Value = string | null;
export type Hl7Component = readonly Hl7Value[]; // subcomponents
export type Hl7Repetition = readonly Hl7Component[]; // components
export type Hl7Field = readonly Hl7Repetition[]; // repetitions

export interface Hl7Segment {
  readonly name: string;
  /** fields[0] is field 1. For MSH, field 1 is the field separator and field 2 the encoding characters. */
  readonly fields: readonly Hl7Field[];
}

export interface Hl7Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
  /** HL7 v2.7's optional fifth encoding character. */
  readonly truncation?: string;
}

export type SegmentSeparator = '\r' | '\n' | '\r\n';

export interface Hl7Message {
  readonly delimiters: Hl7Delimiters;
  /** Used to end segments that were built rather than parsed. */
  readonly segmentSeparator: SegmentSeparator;
  readonly segments: readonly Hl7Segment[];
}

export const STANDARD_DELIMITERS: Hl7Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};
