import { escapeValue } from './escape.ts';
import { sourceTextOf } from './source-text.ts';
import type { Hl7Delimiters, Hl7Field, Hl7Message, Hl7Segment } from './types.ts';

/** Encodes a message; segments that came unmodified from parse() are written back byte for byte. */
export function serialize(message: Hl7Message): string {
  const { delimiters, segmentSeparator } = message;
  const last = message.segments.length - 1;
  return message.segments
    .map((segment, index) => {
      const source = sourceTextOf(segment, delimiters);
      if (source === undefined) return encodeSegment(segment, delimiters) + segmentSeparator;
      // The input's last segment may lack a terminator; a segment added after it still needs one.
      return index < last && !/[\r\n]$/.test(source) ? source + segmentSeparator : source;
    })
    .join('');
}

export function encodeSegment(segment: Hl7Segment, d: Hl7Delimiters): string {
  if (segment.name === 'MSH') {
    // MSH-1 is the field separator itself and MSH-2 the encoding characters: both written as they are.
    const rest = segment.fields.slice(2).map((field) => d.field + encodeField(field, d));
    return `MSH${d.field}${encodingCharacters(d)}${rest.join('')}`;
  }
  return segment.name + segment.fields.map((field) => d.field + encodeField(field, d)).join('');
}

export function encodingCharacters(d: Hl7Delimiters): string {
  return d.component + d.repetition + d.escape + d.subcomponent + (d.truncation ?? '');
}

export function encodeField(field: Hl7Field, d: Hl7Delimiters): string {
  return field
    .map((repetition) =>
      repetition
        .map((component) =>
          component.map((value) => (value === null ? '""' : escapeValue(value, d))).join(d.subcomponent),
        )
        .join(d.component),
    )
    .join(d.repetition);
}
