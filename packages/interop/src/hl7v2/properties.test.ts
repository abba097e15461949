import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Hl7ParseError,
  parse,
  readOruResults,
  serialize,
  STANDARD_DELIMITERS,
  type Hl7Delimiters,
  type Hl7Field,
  type Hl7Message,
  type Hl7Segment,
} from './index.ts';

const ALTERNATE_DELIMITERS: Hl7Delimiters = {
  field: '#',
  component: ':',
  repetition: '*',
  escape: '!',
  subcomponent: '@',
};

// Values that stress escaping as well as arbitrary Unicode text.
const value = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constant(null),
  fc.constantFrom(
    '""',
    '\\',
    '|',
    '^',
    '&',
    '~',
    '#',
    ':',
    '*',
    '!',
    '@',
    '\r',
    '\n',
    '\\X0D\\',
    '\\H\\',
    ' ',
  ),
);
const nonEmpty = fc.string({ unit: 'binary', minLength: 1 });
const field: fc.Arbitrary<Hl7Field> = fc.array(
  fc.array(fc.array(value, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  {
    minLength: 1,
    maxLength: 3,
  },
);
const WRAPPERS = ['MSH', 'BHS', 'BTS', 'FHS', 'FTS'];
const segment: fc.Arbitrary<Hl7Segment> = fc.record({
  name: fc.stringMatching(/^[A-Z][A-Z0-9]{2}$/).filter((name) => !WRAPPERS.includes(name)),
  fields: fc.array(field, { maxLength: 6 }),
});

const message: fc.Arbitrary<Hl7Message> = fc
  .record({
    delimiters: fc.constantFrom(STANDARD_DELIMITERS, ALTERNATE_DELIMITERS),
    segmentSeparator: fc.constantFrom('\r' as const, '\n' as const, '\r\n' as const),
    mshFields: fc.array(field, { minLength: 6, maxLength: 6 }),
    type: fc.tuple(nonEmpty, nonEmpty),
    controlId: nonEmpty,
    laterFields: fc.array(field, { maxLength: 4 }),
    segments: fc.array(segment, { maxLength: 5 }),
  })
  .map(({ delimiters: d, segmentSeparator, mshFields, type, controlId, laterFields, segments }) => {
    const encoding = d.component + d.repetition + d.escape + d.subcomponent;
    const msh: Hl7Segment = {
      name: 'MSH',
      fields: [
        [[[d.field]]],
        [[[encoding]]],
        ...mshFields,
        [[[type[0]], [type[1]]]],
        [[[controlId]]],
        ...laterFields,
      ],
    };
    return { delimiters: d, segmentSeparator, segments: [msh, ...segments] };
  });

// Text made of HL7's own pieces reaches deeper into the parser than uniformly random strings.
const hl7ish = fc
  .array(
    fc.constantFrom(
      'MSH|^~\\&|A|B|C|D|2024||ORU^R01|ID|P|2.5',
      'MSH|',
      'MSH|^~\\&',
      'PID|1||X',
      'OBR|1',
      'OBX|1|NM|1^G^LN||5|mg|1-2|H|||F|||2024',
      'OBX|2|SN',
      'BHS|^~\\&',
      'BTS|1',
      'FHS|^~\\&',
      'FTS|1',
      '\r',
      '\n',
      '\r\n',
      '|',
      '^',
      '~',
      '\\',
      '&',
      '""',
      '\\X0D\\',
      '\\XZZ\\',
      '\uFEFF',
      ' ',
      'Z',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

// Well-formed messages whose fields are made of delimiters, escapes and nulls in any order.
const messageText = fc
  .tuple(
    fc.constantFrom('\r', '\n', '\r\n', '\r\n\r\n', '\n \n'),
    fc.array(
      fc.tuple(
        fc.constantFrom('PID', 'OBX', 'NTE', 'ZX1'),
        fc.array(
          fc.constantFrom(
            '|',
            '^',
            '~',
            '\\',
            '&',
            '""',
            '\\X0D\\',
            '\\F\\',
            '\\XZZ\\',
            'a',
            '1',
            ' ',
            '\uFEFF',
          ),
          {
            maxLength: 10,
          },
        ),
        fc.constantFrom('\r', '\n', '\r\n', ''),
      ),
      { maxLength: 6 },
    ),
  )
  .map(
    ([afterHeader, lines]) =>
      'MSH|^~\\&|A|B|C|D|2024||ORU^R01|ID|P|2.5' +
      afterHeader +
      lines.map(([name, parts, end]) => `${name}|${parts.join('')}${end}`).join(''),
  );

function parseOrParseError(text: string): readonly Hl7Message[] | undefined {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof Hl7ParseError) return undefined;
    throw error;
  }
}

describe('HL7 v2 properties', () => {
  it('parse throws nothing but Hl7ParseError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), hl7ish, messageText), (text) => {
        const messages = parseOrParseError(text);
        for (const m of messages ?? []) {
          serialize(m);
          readOruResults(m);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parse(serialize(m)) equals m for generated messages', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(parse(serialize(m))).toEqual([m]);
      }),
      { numRuns: 500 },
    );
  });

  it('writes back exactly the text it read, when that text holds only messages', () => {
    fc.assert(
      fc.property(fc.oneof(hl7ish, messageText), (text) => {
        fc.pre(!/BHS|BTS|FHS|FTS/.test(text));
        const messages = parseOrParseError(text);
        if (messages) expect(messages.map(serialize).join('')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
