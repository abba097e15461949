import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlId, Hl7ParseError, messageType, parse, type Hl7ParseErrorCode } from './index.ts';

const readSample = (name: string) =>
  readFileSync(new URL(`../../../../../shared/testdata/hl7v2/python-hl7/${name}`, import.meta.url), 'utf8');

// python-hl7's tests accept these wrappers with missing or orphan trailers, as senders in the wild write them.
describe('batches (BHS/BTS) and files (FHS/FTS)', () => {
  it.each([
    ['sample_batch.hl7', 1],
    ['sample_batch1.hl7', 2],
    ['sample_batch2.hl7', 2],
    ['sample_batch3.hl7', 1],
    ['sample_batch4.hl7', 1],
    ['sample_file.hl7', 1],
    ['sample_file1.hl7', 3],
    ['sample_file2.hl7', 2],
    ['sample_file3.hl7', 1],
    ['sample_file4.hl7', 1],
    ['sample_file5.hl7', 1],
    ['sample_file6.hl7', 1],
  ])('reads %s as %i ADT^A04 message(s)', (name, count) => {
    const messages = parse(readSample(name));
    expect(messages).toHaveLength(count);
    for (const message of messages) {
      expect(messageType(message)).toEqual({ code: 'ADT', trigger: 'A04', structure: 'ADT_A01' });
      expect(controlId(message)).toMatch(/^1233445677889\d$/);
      expect(message.segments.map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID', 'PD1', 'NK1', 'PV1']);
    }
  });

  it.each<[string, Hl7ParseErrorCode, number]>([
    ['sample_bad_batch.hl7', 'SEGMENT_BEFORE_MSH', 2], // EVN straight after BHS
    ['sample_bad_batch1.hl7', 'BAD_BATCH', 4], // a second BHS inside an open batch
    ['sample_bad_file.hl7', 'SEGMENT_BEFORE_MSH', 3],
    ['sample_bad_file1.hl7', 'BAD_BATCH', 5],
    ['sample_bad_file2.hl7', 'BAD_FILE', 5], // a second FHS inside the file
    ['sample_bad_file3.hl7', 'SEGMENT_BEFORE_MSH', 2],
  ])('rejects %s with %s at line %i', (name, code, line) => {
    let caught: unknown;
    try {
      parse(readSample(name));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Hl7ParseError);
    expect(caught).toMatchObject({ code, line });
  });

  it.each<[string, string, Hl7ParseErrorCode]>([
    [
      'a segment after the file trailer',
      'FHS|^~\\&\rMSH|^~\\&|A|B|C|D|1||ADT^A01|X|P|2.5\rFTS|1\rPID|1',
      'BAD_FILE',
    ],
    [
      'a message after the batch trailer',
      'BHS|^~\\&\rMSH|^~\\&|A|B|C|D|1||ADT^A01|X|P|2.5\rBTS|1\rMSH|^~\\&|A|B|C|D|1||ADT^A01|Y|P|2.5',
      'BAD_BATCH',
    ],
    [
      'a batch header with broken delimiters',
      'BHS|^^\rMSH|^~\\&|A|B|C|D|1||ADT^A01|X|P|2.5',
      'BAD_DELIMITERS',
    ],
  ])('rejects %s', (_name, text, code) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code }));
  });
});
