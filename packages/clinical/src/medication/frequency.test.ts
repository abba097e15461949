import { describe, expect, it } from 'vitest';
import { FREQUENCIES, frequencyByCode, parseFrequency } from './frequency.ts';

describe('parseFrequency', () => {
  it.each([
    // Latin abbreviations, with and without dots, any case
    ['qd', 'qd'],
    ['QD', 'qd'],
    ['q.d.', 'qd'],
    ['bid', 'bid'],
    ['BID', 'bid'],
    ['b.i.d.', 'bid'],
    ['B.I.D', 'bid'],
    ['bd', 'bid'],
    ['tid', 'tid'],
    ['t.i.d.', 'tid'],
    ['tds', 'tid'],
    ['qid', 'qid'],
    ['q.i.d.', 'qid'],
    ['qn', 'qn'],
    ['q.n.', 'qn'],
    ['hs', 'qn'],
    ['qhs', 'qn'],
    ['qm', 'qm'],
    ['q4h', 'q4h'],
    ['Q6H', 'q6h'],
    ['q8h', 'q8h'],
    ['q 8 h', 'q8h'],
    ['q.8.h.', 'q8h'],
    ['q12h', 'q12h'],
    ['q24h', 'qd'],
    ['qod', 'qod'],
    ['q.o.d.', 'qod'],
    ['qw', 'qw'],
    ['biw', 'biw'],
    ['prn', 'prn'],
    ['p.r.n.', 'prn'],
    ['sos', 'prn'],
    ['stat', 'stat'],
    ['st', 'stat'],
    ['ＢＩＤ', 'bid'], // full-width letters
    // Chinese
    ['每日一次', 'qd'],
    ['每日1次', 'qd'],
    ['每天一次', 'qd'],
    ['每日两次', 'bid'],
    ['每日二次', 'bid'],
    ['一日2次', 'bid'],
    ['每天2次', 'bid'],
    ['一日三次', 'tid'],
    ['一天3次', 'tid'],
    ['每日四次', 'qid'],
    ['每晚', 'qn'],
    ['每晚一次', 'qn'],
    ['睡前', 'qn'],
    ['临睡前服用', 'qn'],
    ['每晨一次', 'qm'],
    ['每8小时一次', 'q8h'],
    ['每隔6小时', 'q6h'],
    ['每十二小时一次', 'q12h'],
    ['隔日', 'qod'],
    ['隔日一次', 'qod'],
    ['隔天一次', 'qod'],
    ['每周一次', 'qw'],
    ['每周1次', 'qw'],
    ['每星期一次', 'qw'],
    ['每周两次', 'biw'],
    ['必要时', 'prn'],
    ['需要时', 'prn'],
    ['立即', 'stat'],
    ['即刻', 'stat'],
    [' 每日 两次 ', 'bid'],
    // English
    ['once daily', 'qd'],
    ['Once a day', 'qd'],
    ['daily', 'qd'],
    ['twice daily', 'bid'],
    ['twice a day', 'bid'],
    ['two times a day', 'bid'],
    ['three times daily', 'tid'],
    ['three times a day', 'tid'],
    ['four times a day', 'qid'],
    ['every 8 hours', 'q8h'],
    ['every eight hours', 'q8h'],
    ['every 12 hours', 'q12h'],
    ['every 6 hrs', 'q6h'],
    ['at bedtime', 'qn'],
    ['at night', 'qn'],
    ['every morning', 'qm'],
    ['every other day', 'qod'],
    ['weekly', 'qw'],
    ['once a week', 'qw'],
    ['twice weekly', 'biw'],
    ['as needed', 'prn'],
    ['As required.', 'prn'],
    ['immediately', 'stat'],
  ])('%j -> %s', (text, code) => {
    expect(parseFrequency(text)?.code).toBe(code);
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['q0h'],
    ['q5h'],
    ['q100h'],
    ['💊💊'],
    ['每日0次'],
    ['每日五次'],
    ['每0小时一次'],
    ['od'], // ISMP: error-prone (read as "right eye")
    ['twice'],
    ['bid bid'],
    ['x'.repeat(10_240)],
    ['每日'.repeat(5_000)],
  ])('returns null for %j', (text) => {
    expect(parseFrequency(text)).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    for (const bad of [null, undefined, 42, {}, [], '\u0000', '\uD800', 'q\u0000d'] as unknown[]) {
      expect(() => parseFrequency(bad as string)).not.toThrow();
      expect(parseFrequency(bad as string)).toBeNull();
    }
  });

  it('returns a copy: changing it does not change the table', () => {
    const f = parseFrequency('bid')!;
    f.defaultTimes.push('23:00');
    expect(parseFrequency('bid')!.defaultTimes).toEqual(['08:00', '20:00']);
  });
});

describe('FREQUENCIES', () => {
  it('lists every code once, with times sorted and as many as the doses on a dosing day', () => {
    const codes = FREQUENCIES.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(15);
    for (const f of FREQUENCIES) {
      expect([...f.defaultTimes].sort()).toEqual(f.defaultTimes);
      for (const t of f.defaultTimes) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      if (f.dosesPerDay !== null && f.everyDays === 1) expect(f.defaultTimes).toHaveLength(f.dosesPerDay);
      expect(f.zh.length).toBeGreaterThan(0);
      expect(f.en.length).toBeGreaterThan(0);
    }
  });

  it('uses the home-dosing times chosen in frequency.ts', () => {
    expect(frequencyByCode('qd')!.defaultTimes).toEqual(['08:00']);
    expect(frequencyByCode('bid')!.defaultTimes).toEqual(['08:00', '20:00']);
    expect(frequencyByCode('tid')!.defaultTimes).toEqual(['08:00', '12:00', '18:00']);
    expect(frequencyByCode('qn')!.defaultTimes).toEqual(['21:00']);
    expect(frequencyByCode('q8h')!.defaultTimes).toEqual(['06:00', '14:00', '22:00']);
    expect(frequencyByCode('qw')).toMatchObject({ dosesPerDay: 1 / 7, everyDays: 7 });
    expect(frequencyByCode('qod')).toMatchObject({ dosesPerDay: 0.5, everyDays: 2 });
    expect(frequencyByCode('prn')).toMatchObject({ dosesPerDay: null, defaultTimes: [] });
    expect(frequencyByCode('nope')).toBeNull();
  });
});
