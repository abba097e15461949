import { describe, expect, it } from 'vitest';
import { readCsvReadings, readingsCsvTemplate, toIsoTime } from './csv-readings.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('toIsoTime', () => {
  it.each([
    ['2024-05-01T08:00:00+08:00', '2024-05-01T08:00:00+08:00'],
    ['2024-05-01T00:00:00Z', '2024-05-01T00:00:00Z'],
    ['2024-05-01 08:00', '2024-05-01T00:00:00.000Z'],
    ['2024/5/1 8:00:30', '2024-05-01T00:00:30.000Z'],
    ['2024-05-01T08:00', '2024-05-01T00:00:00.000Z'],
    // China kept summer time (UTC+9) from 14 April to 15 September 1991 (tz database, Asia/Shanghai).
    ['1991-07-01 08:00', '1991-06-30T23:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(toIsoTime(text)).toBe(iso);
  });

  it.each(['2024-02-30 08:00', '2024-05-01 24:00', '2024-05-01 8', 'yesterday', '2024-05-01'])(
    'refuses %s',
    (text) => {
      expect(toIsoTime(text)).toBeUndefined();
    },
  );
});

describe('readCsvReadings', () => {
  it('accepts the header in any case and spacing, in English or Chinese, and skips blank lines', () => {
    const outcome = readCsvReadings(
      bytes('\uFEFFTaken At,TYPE,数值,单位\n\n2024-05-01 08:00,体重,70,kg\n,,,\n'),
    );
    expect(outcome).toEqual({
      ok: true,
      value: {
        rows: 1,
        rejected: [],
        readings: [
          {
            index: 1,
            input: {
              id: expect.stringMatching(/^csv-[0-9a-f]{40}$/),
              type: 'weight',
              takenAt: '2024-05-01T00:00:00.000Z',
              value: 70,
              unit: 'kg',
            },
          },
        ],
      },
    });
  });

  it('gives a row without an id the same id every time', () => {
    const text = 'type,taken_at,value\nweight,2024-05-01 08:00,70\n';
    const id = (o: ReturnType<typeof readCsvReadings>) => (o.ok ? o.value.readings[0]?.input.id : null);
    expect(id(readCsvReadings(bytes(text)))).toBe(id(readCsvReadings(bytes(text))));
  });

  it('names unknown, repeated and missing columns', () => {
    expect(readCsvReadings(bytes('type,type,weight\n'))).toEqual({
      ok: false,
      errors: [
        { path: 'header.1', message: 'type twice' },
        { path: 'header.2', message: 'unknown column "weight"' },
        { path: 'header', message: 'the column taken_at is missing' },
      ],
    });
    expect(readCsvReadings(bytes(''))).toMatchObject({ ok: false });
  });

  it('writes a template whose header it reads back', () => {
    for (const language of ['zh', 'en'] as const) {
      const outcome = readCsvReadings(bytes(readingsCsvTemplate(language)));
      expect(outcome.ok && outcome.value.rows).toBe(2);
    }
  });
});
