import { describe, expect, it } from 'vitest';
import { get, Hl7ParseError, parse, parseMessage, serialize, type Hl7ParseErrorCode } from './index.ts';

const MSH = 'MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240301093000||ORU^R01^ORU_R01|MSG1|P|2.5.1';

function rejection(text: string): { code: Hl7ParseErrorCode; line: number } {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof Hl7ParseError) return { code: error.code, line: error.line };
    throw error;
  }
  throw new Error('expected parse to reject the input');
}

describe('parse', () => {
  it.each([
    ['carriage returns', '\r'],
    ['line feeds', '\n'],
    ['CR LF pairs', '\r\n'],
  ])('accepts segments separated by %s', (_name, separator) => {
    const text = [MSH, 'PID|1||123', 'OBX|1|NM|1554-5^GLUCOSE^LN||182'].join(separator) + separator;
    const message = parseMessage(text);
    expect(message.segments.map((s) => s.name)).toEqual(['MSH', 'PID', 'OBX']);
    expect(message.segmentSeparator).toBe(separator);
    expect(serialize(message)).toBe(text);
  });

  it('takes the delimiters from MSH-1 and MSH-2, whatever they are', () => {
    const message = parseMessage('MSH#:*!@#LAB#HOSP#####ORU:R01#ID7#P#2.5\rPID#1##A:B@C*D\r');
    expect(message.delimiters).toEqual({
      field: '#',
      component: ':',
      repetition: '*',
      escape: '!',
      subcomponent: '@',
    });
    expect(get(message, 'MSH', 1, 9, 2)).toBe('R01');
    expect(get(message, 'PID', 1, 3, 2, 2)).toBe('C');
    expect(message.segments[1]?.fields[2]?.[1]).toEqual([['D']]);
  });

  it('unescapes \\F\\ \\S\\ \\T\\ \\R\\ \\E\\ and \\X..\\ hex, keeping formatting sequences verbatim', () => {
    const message = parseMessage(
      `${MSH}\rNTE|1||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f \\X0D0A\\ \\XE4B8AD\\ \\.br\\ \\H\\x\r`,
    );
    expect(get(message, 'NTE', 1, 3)).toBe('a|b^c&d~e\\f \r\n 中 \\.br\\ \\H\\x');
  });

  it('tells the explicit null "" apart from an empty field', () => {
    const message = parseMessage(`${MSH}\rPID|1|""||X^""^`);
    expect(get(message, 'PID', 1, 2)).toBeNull();
    expect(get(message, 'PID', 1, 3)).toBe('');
    expect(get(message, 'PID', 1, 4, 2)).toBeNull();
    expect(get(message, 'PID', 1, 4, 3)).toBe('');
    expect(get(message, 'PID', 1, 9)).toBeUndefined();
  });

  it('keeps a byte order mark and blank lines in the round trip', () => {
    const text = `\uFEFF${MSH}\r\n\r\nPID|1\r\n`;
    const message = parseMessage(text);
    expect(message.segments.map((s) => s.name)).toEqual(['MSH', 'PID']);
    expect(serialize(message)).toBe(text);
  });

  it('writes a changed message with parsed segments kept as they were and new ones encoded', () => {
    const message = parseMessage(`${MSH}\nPID|1|\\X41\\`);
    const changed = {
      ...message,
      segments: [...message.segments, { name: 'NTE', fields: [[[['1']]], [[['']]], [[['a|b']]]] }],
    };
    expect(serialize(changed)).toBe(`${MSH}\nPID|1|\\X41\\\nNTE|1||a\\F\\b\n`);
  });

  it('reads several messages one after another', () => {
    const messages = parse(`${MSH}\rPID|1\r${MSH.replace('MSG1', 'MSG2')}\rPID|2\r`);
    expect(messages.map((m) => get(m, 'MSH', 1, 10))).toEqual(['MSG1', 'MSG2']);
  });
});

describe('parse rejects malformed input with a coded error and its line', () => {
  it.each<[string, string, Hl7ParseErrorCode, number]>([
    ['nothing at all', '', 'EMPTY', 1],
    ['only blank lines', '\r\n \r\n', 'EMPTY', 1],
    ['a segment before the message header', `PID|1\r${MSH}`, 'SEGMENT_BEFORE_MSH', 1],
    ['an alphanumeric field separator', 'MSHA^~\\&ALAB', 'BAD_DELIMITERS', 1],
    ['repeated encoding characters', 'MSH|^^\\&|LAB', 'BAD_DELIMITERS', 1],
    ['encoding characters that stop short', 'MSH|^~|LAB', 'BAD_DELIMITERS', 1],
    ['a message truncated inside MSH-2', 'MSH|^~', 'BAD_DELIMITERS', 1],
    ['a message truncated before MSH-9', 'MSH|^~\\&|LAB|HOSP|EHR', 'INCOMPLETE_MSH', 1],
    ['a message without a control id', 'MSH|^~\\&|LAB|HOSP|EHR|CLINIC|2024||ADT^A01|', 'INCOMPLETE_MSH', 1],
    ['a lower-case segment id', `${MSH}\rpid|1`, 'BAD_SEGMENT', 2],
    ['a segment id glued to its data', `${MSH}\rPIDX|1`, 'BAD_SEGMENT', 2],
    ['binary garbage', '\u0000\u0001\u00ff\ufffdPK\u0003\u0004', 'BAD_SEGMENT', 1],
    ['garbage on the third line', `${MSH}\rPID|1\r\u0089PNG`, 'BAD_SEGMENT', 3],
    ['a batch without messages', 'BHS|^~\\&|LAB\rBTS|0', 'NO_MSH', 1],
  ])('rejects %s', (_name, text, code, line) => {
    expect(rejection(text)).toEqual({ code, line });
  });

  it('refuses more than one message where exactly one is expected', () => {
    expect(() => parseMessage(`${MSH}\r${MSH}`)).toThrow(Hl7ParseError);
  });
});
