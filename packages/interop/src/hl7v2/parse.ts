import { Hl7ParseError } from './errors.ts';
import { unescapeValue } from './escape.ts';
import { rememberSourceText } from './source-text.ts';
import type { Hl7Delimiters, Hl7Field, Hl7Message, Hl7Segment, SegmentSeparator } from './types.ts';
import { readDelimiters } from './delimiters.ts';

interface Line {
  readonly text: string;
  /** The line as it stood in the input: any text before it (a BOM), its terminator, blank lines after it. */
  readonly source: string;
  readonly number: number;
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;

/**
 * Parses one message, a batch (BHS..BTS) or a file (FHS..FTS) into its messages, in order.
 * Throws only Hl7ParseError.
 */
export function parse(text: string): readonly Hl7Message[] {
  const lines = splitLines(text);
  if (lines.length === 0) throw new Hl7ParseError('EMPTY', 1);
  const separator = firstSeparator(text);
  const messages: Hl7Message[] = [];
  const envelope = new EnvelopeTracker();
  let current: { delimiters: Hl7Delimiters; segments: Hl7Segment[]; line: number } | undefined;

  const closeMessage = () => {
    if (current) messages.push(finishMessage(current.segments, current.delimiters, separator, current.line));
    current = undefined;
  };

  for (const line of lines) {
    const name = line.text.slice(0, 3);
    if (!SEGMENT_ID.test(name)) {
      throw new Hl7ParseError('BAD_SEGMENT', line.number, JSON.stringify(line.text.slice(0, 20)));
    }
    switch (name) {
      case 'FHS':
      case 'FTS':
      case 'BHS':
      case 'BTS':
        closeMessage();
        envelope.accept(name, line.number);
        if (name === 'FHS' || name === 'BHS') readDelimiters(line.text, line.number);
        break;
      case 'MSH': {
        envelope.acceptMessage(line.number);
        closeMessage();
        const delimiters = readDelimiters(line.text, line.number);
        current = { delimiters, segments: [], line: line.number };
        current.segments.push(toSegment(line, delimiters));
        break;
      }
      default:
        envelope.acceptMessage(line.number);
        if (!current) throw new Hl7ParseError('SEGMENT_BEFORE_MSH', line.number, name);
        if (line.text.length > 3 && line.text.charAt(3) !== current.delimiters.field) {
          throw new Hl7ParseError(
            'BAD_SEGMENT',
            line.number,
            `${name} is not followed by the field separator`,
          );
        }
        current.segments.push(toSegment(line, current.delimiters));
    }
  }
  closeMessage();
  if (messages.length === 0) throw new Hl7ParseError('NO_MSH', 1);
  return messages;
}

/** Parses input that must hold exactly one message. */
export function parseMessage(text: string): Hl7Message {
  const messages = parse(text);
  const [first] = messages;
  if (!first || messages.length > 1) throw new Hl7ParseError('BAD_BATCH', 1, 'expected a single message');
  return first;
}

// Batch and file wrappers are optional and trailers may be missing (as senders in the wild do), but a
// header inside an open batch or file, or anything after a file trailer, is refused.
class EnvelopeTracker {
  private seenAnything = false;
  private batchOpen = false;
  private batchClosed = false;
  private fileClosed = false;

  accept(name: 'FHS' | 'FTS' | 'BHS' | 'BTS', line: number): void {
    if (this.fileClosed) throw new Hl7ParseError('BAD_FILE', line, `${name} after the file trailer`);
    switch (name) {
      case 'FHS':
        if (this.seenAnything) throw new Hl7ParseError('BAD_FILE', line, 'FHS must be the first segment');
        break;
      case 'FTS':
        this.fileClosed = true;
        break;
      case 'BHS':
        if (this.batchOpen) throw new Hl7ParseError('BAD_BATCH', line, 'BHS inside an open batch');
        this.batchOpen = true;
        this.batchClosed = false;
        break;
      case 'BTS':
        if (this.batchClosed) throw new Hl7ParseError('BAD_BATCH', line, 'BTS without a BHS');
        this.batchOpen = false;
        this.batchClosed = true;
        break;
    }
    this.seenAnything = true;
  }

  acceptMessage(line: number): void {
    if (this.fileClosed) throw new Hl7ParseError('BAD_FILE', line, 'segment after the file trailer');
    if (this.batchClosed) throw new Hl7ParseError('BAD_BATCH', line, 'segment after the batch trailer');
    this.seenAnything = true;
  }
}

function finishMessage(
  segments: readonly Hl7Segment[],
  delimiters: Hl7Delimiters,
  segmentSeparator: SegmentSeparator,
  line: number,
): Hl7Message {
  const [msh] = segments;
  const isBlank = (index: number) => {
    const field = msh?.fields[index];
    return !field || field.every((rep) => rep.every((component) => component.every((v) => !v)));
  };
  if (isBlank(8) || isBlank(9)) throw new Hl7ParseError('INCOMPLETE_MSH', line);
  return { delimiters, segmentSeparator, segments };
}

function toSegment(line: Line, d: Hl7Delimiters): Hl7Segment {
  const name = line.text.slice(0, 3);
  let fields: Hl7Field[];
  if (name === 'MSH') {
    const afterEncoding = line.text.indexOf(d.field, 4);
    const encoding = afterEncoding === -1 ? line.text.slice(4) : line.text.slice(4, afterEncoding);
    const rest = afterEncoding === -1 ? [] : line.text.slice(afterEncoding + 1).split(d.field);
    fields = [[[[d.field]]], [[[encoding]]], ...rest.map((raw) => parseField(raw, d))];
  } else {
    fields =
      line.text.length <= 3
        ? []
        : line.text
            .slice(4)
            .split(d.field)
            .map((raw) => parseField(raw, d));
  }
  const segment: Hl7Segment = { name, fields };
  rememberSourceText(segment, line.source, d);
  return segment;
}

export function parseField(raw: string, d: Hl7Delimiters): Hl7Field {
  return raw
    .split(d.repetition)
    .map((repetition) =>
      repetition
        .split(d.component)
        .map((component) =>
          component.split(d.subcomponent).map((value) => (value === '""' ? null : unescapeValue(value, d))),
        ),
    );
}

function splitLines(text: string): Line[] {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: { text: string; source: string; number: number }[] = [];
  let pending = ''; // a BOM and blank lines before the first segment
  for (let i = 0; i < parts.length; i += 2) {
    let content = parts[i] ?? '';
    const terminator = parts[i + 1] ?? '';
    if (lines.length === 0 && content.startsWith('\uFEFF')) {
      pending += '\uFEFF';
      content = content.slice(1);
    }
    const last = lines[lines.length - 1];
    if (content.trim() === '') {
      if (last) last.source += content + terminator;
      else pending += content + terminator;
      continue;
    }
    lines.push({ text: content, source: pending + content + terminator, number: i / 2 + 1 });
    pending = '';
  }
  return lines;
}

function firstSeparator(text: string): SegmentSeparator {
  const match = /\r\n|\r|\n/.exec(text);
  return (match?.[0] as SegmentSeparator | undefined) ?? '\r';
}
