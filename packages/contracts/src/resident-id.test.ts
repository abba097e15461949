import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseResidentId, residentIdCheckChar } from './resident-id.ts';

const NOW = new Date('2025-06-15T12:00:00Z');
const parse = (id: string) => parseResidentId(id, { now: NOW });

describe('residentIdCheckChar', () => {
  // Each row's sum is worked by hand: Σ digit × weight (7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2), then '10X98765432'[sum % 11].
  it.each([
    ['11010519491231002', 'X'], // GB 11643-1999 worked example: sum 167, 167 mod 11 = 2
    ['44010619800101001', '9'], // 28+36+0+5+0+24+2+9+48+0+0+9+0+5+0+0+2 = 168, mod 11 = 3
    ['31010419951120002', '6'], // 21+9+0+5+0+16+2+9+54+15+7+9+20+0+0+0+4 = 171, mod 11 = 6
    ['51010720000229003', '7'], // 35+9+0+5+0+28+4+0+0+0+0+18+20+45+0+0+6 = 170, mod 11 = 5
  ])('computes the check character of %s as %s', (first17, expected) => {
    expect(residentIdCheckChar(first17)).toBe(expected);
  });

  it('refuses input that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow();
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow();
  });
});

describe('parseResidentId', () => {
  it('accepts the GB 11643-1999 worked example 11010519491231002X (a woman born 1949-12-31)', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
      normalized: '11010519491231002X',
    });
  });

  it('accepts a lowercase x and returns the number upper-cased', () => {
    expect(parse('11010519491231002x')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it.each([
    ['440106198001010019', '1980-01-01', 'male'],
    ['310104199511200026', '1995-11-20', 'female'],
    ['510107200002290037', '2000-02-29', 'male'],
    ['11010519000101001X', '1900-01-01', 'male'],
  ])('reads %s as born %s, %s', (id, birthDate, sex) => {
    expect(parse(id)).toEqual({ ok: true, birthDate, sex, normalized: id });
  });

  it.each([
    ['length: too short', '11010519491231002', 'length'],
    ['length: too long', '11010519491231002X0', 'length'],
    ['length: the retired 15-digit form', '110105491231002', 'length'],
    ['format: a letter among the first 17', '1101051949123100AX', 'format'],
    ['format: a check character other than 0-9 or X', '11010519491231002Y', 'format'],
    ['format: X anywhere but last', 'X10105194912310020', 'format'],
    ['region: province code 00', '00010519491231002X', 'region'],
    ['region: province code 16 (unassigned)', '16010519491231002X', 'region'],
    ['region: province code 90', '90010519491231002X', 'region'],
    ['birth_date: 31 February', '110105194902310020', 'birth_date'],
    ['birth_date: 29 February of a non-leap year (1900)', '110105190002290010', 'birth_date'],
    ['birth_date: month 13', '110105194913010020', 'birth_date'],
    ['birth_date: before 1900', '110105189912310020', 'birth_date'],
    ['birth_date: in the future', '110105202606150020', 'birth_date'],
    ['checksum: wrong check digit', '110105194912310021', 'checksum'],
    ['checksum: two digits transposed', '11010519491231200X', 'checksum'],
  ])('fails with %s', (_label, id, reason) => {
    expect(parse(id)).toEqual({ ok: false, reason });
  });

  it('accepts a birth date of today', () => {
    const first17 = '11010520250615001';
    expect(parse(first17 + residentIdCheckChar(first17))).toMatchObject({
      ok: true,
      birthDate: '2025-06-15',
    });
  });
});

describe('parseResidentId properties', () => {
  const provinces = [
    ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
    ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
    ...['71', '81', '82', '83', '91'],
  ];
  const digits = (n: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const birthDate = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2025-06-14T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const validId = fc
    .tuple(fc.constantFrom(...provinces), digits(4), birthDate, digits(3))
    .map(([province, area, birth, sequence]) => {
      const first17 = province + area + birth + sequence;
      return first17 + residentIdCheckChar(first17);
    });

  it('accepts any valid region, real date and sequence with the computed check character', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const result = parse(id);
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.birthDate.replaceAll('-', '')).toBe(id.slice(6, 14));
          expect(result.sex).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
        }
      }),
    );
  });

  it('rejects the number when any one character is changed', () => {
    const change = fc.tuple(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'));
    fc.assert(
      fc.property(validId, change, (id, [position, replacement]) => {
        fc.pre(id[position] !== replacement);
        const altered = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(parse(altered).ok).toBe(false);
      }),
    );
  });
});
