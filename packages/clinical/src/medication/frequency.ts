import type { Frequency, FrequencyCode } from './medication.types.ts';

// Dosing frequencies and their default local times of day.
//
// Abbreviations are the ones used on Chinese prescriptions (处方常用外文缩写, 《处方管理办法》 2007 and the
// 基础护理学 textbook, 人民卫生出版社) with their UK variants (bd, tds, qds, BNF "Abbreviations and symbols").
// "od" is not accepted: ISMP's list of error-prone abbreviations warns that it is read as "right eye".
//
// Default times. Hospital wards use the 基础护理学 administration table (qd 8:00; bid 8:00/16:00; tid
// 8:00/12:00/16:00; q8h 8:00/16:00/24:00; qn 20:00), which fits nursing rounds, not a patient at home. CareLoop
// schedules doses a patient takes at home, so we align them with Chinese meal times and sleep: bid is every
// 12 h (08:00, 20:00), tid goes with breakfast, lunch and supper (08:00, 12:00, 18:00; most tid oral drugs such
// as metformin, acarbose and repaglinide are labelled to be taken with or just before meals), qid adds bedtime
// (22:00), qn/hs is bedtime (21:00; 临睡前 15-30 min before sleep), qm early morning before breakfast (07:00),
// fixed-interval codes keep their interval (q8h 06:00/14:00/22:00 so that no dose falls after midnight, q6h and q4h
// as in the ward table). The patient or the care team can choose other times (`chosenTimes` in doseTimesForDay).

const f = (
  code: FrequencyCode,
  dosesPerDay: number | null,
  defaultTimes: string[],
  everyDays: number,
  zh: string,
  en: string,
): Frequency =>
  Object.freeze({
    code,
    dosesPerDay,
    defaultTimes: Object.freeze(defaultTimes) as string[],
    everyDays,
    zh,
    en,
  });

export const FREQUENCIES: readonly Frequency[] = Object.freeze([
  f('qd', 1, ['08:00'], 1, '每日一次', 'once daily'),
  f('bid', 2, ['08:00', '20:00'], 1, '每日两次', 'twice daily'),
  f('tid', 3, ['08:00', '12:00', '18:00'], 1, '每日三次', 'three times daily'),
  f('qid', 4, ['08:00', '12:00', '18:00', '22:00'], 1, '每日四次', 'four times daily'),
  f('qn', 1, ['21:00'], 1, '每晚一次（睡前）', 'once nightly at bedtime'),
  f('qm', 1, ['07:00'], 1, '每晨一次', 'once every morning'),
  f('q4h', 6, ['00:00', '04:00', '08:00', '12:00', '16:00', '20:00'], 1, '每4小时一次', 'every 4 hours'),
  f('q6h', 4, ['02:00', '08:00', '14:00', '20:00'], 1, '每6小时一次', 'every 6 hours'),
  f('q8h', 3, ['06:00', '14:00', '22:00'], 1, '每8小时一次', 'every 8 hours'),
  f('q12h', 2, ['08:00', '20:00'], 1, '每12小时一次', 'every 12 hours'),
  f('qod', 1 / 2, ['08:00'], 2, '隔日一次', 'every other day'),
  f('qw', 1 / 7, ['08:00'], 7, '每周一次', 'once weekly'),
  f('biw', 2 / 7, ['08:00'], 7, '每周两次', 'twice weekly'),
  f('prn', null, [], 1, '必要时', 'as needed'),
  f('stat', null, [], 1, '立即', 'immediately (once)'),
]);

const BY_CODE = new Map<FrequencyCode, Frequency>(FREQUENCIES.map((x) => [x.code, x]));

export const FREQUENCY_CODES: readonly FrequencyCode[] = FREQUENCIES.map((x) => x.code);

export function isFrequencyCode(value: unknown): value is FrequencyCode {
  return typeof value === 'string' && BY_CODE.has(value as FrequencyCode);
}

/** The frequency for a code (a fresh copy), or null for an unknown code. */
export function frequencyByCode(code: string): Frequency | null {
  const found = BY_CODE.get(code as FrequencyCode);
  return found ? { ...found, defaultTimes: [...found.defaultTimes] } : null;
}

// Latin and UK abbreviations after lower-casing and removing dots and spaces ('b.i.d.' -> 'bid', 'Q 8 H' -> 'q8h').
const LATIN: Record<string, FrequencyCode> = {
  qd: 'qd',
  q1d: 'qd',
  q24h: 'qd',
  bid: 'bid',
  bd: 'bid',
  tid: 'tid',
  tds: 'tid',
  qid: 'qid',
  qds: 'qid',
  qn: 'qn',
  hs: 'qn',
  qhs: 'qn',
  on: 'qn',
  qm: 'qm',
  qam: 'qm',
  om: 'qm',
  q4h: 'q4h',
  q6h: 'q6h',
  q8h: 'q8h',
  q12h: 'q12h',
  qod: 'qod',
  qad: 'qod',
  eod: 'qod',
  q2d: 'qod',
  q48h: 'qod',
  qw: 'qw',
  q1w: 'qw',
  qwk: 'qw',
  q7d: 'qw',
  biw: 'biw',
  prn: 'prn',
  sos: 'prn',
  stat: 'stat',
  st: 'stat',
};

const HOURLY: Record<number, FrequencyCode> = {
  4: 'q4h',
  6: 'q6h',
  8: 'q8h',
  12: 'q12h',
  24: 'qd',
  48: 'qod',
};
const PER_DAY: Record<number, FrequencyCode> = { 1: 'qd', 2: 'bid', 3: 'tid', 4: 'qid' };

const ZH_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十二: 12,
  二十四: 24,
  四十八: 48,
};

const EN_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  six: 6,
  eight: 8,
  twelve: 12,
  'twenty-four': 24,
  'twenty four': 24,
};

function toNumber(word: string): number | null {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return ZH_DIGITS[word] ?? EN_NUMBERS[word] ?? null;
}

const ZH_RULES: [RegExp, FrequencyCode | ((m: RegExpMatchArray) => FrequencyCode | null)][] = [
  [/^(?:每日|每天|一日|一天|日)(\d|[一二两三四])次$/, (m) => PER_DAY[toNumber(m[1]!) ?? 0] ?? null],
  [
    /^每(?:隔)?(\d{1,3}|十二|二十四|四十八|[一二两三四六八])(?:个)?(?:小时|钟头|h)(?:一次|1次)?$/,
    (m) => HOURLY[toNumber(m[1]!) ?? 0] ?? null,
  ],
  [/^(?:每晚|每夜|每晚睡前|睡前|临睡前|晚上睡前|每天睡前|每日睡前)(?:一次|1次)?$/, 'qn'],
  [/^(?:每晨|每早|每天早上|每日早晨|晨起|早晨|清晨)(?:一次|1次|空腹)?$/, 'qm'],
  [/^(?:隔日|隔天|每隔一天|每隔一日)(?:一次|1次)?$|^每(?:两|二|2)(?:日|天)(?:一次|1次)$/, 'qod'],
  [/^(?:每周|每星期|每礼拜|一周|一星期)(?:一次|1次)?$/, 'qw'],
  [/^(?:每周|每星期|每礼拜|一周|一星期)(?:两次|二次|2次)$/, 'biw'],
  [/^(?:必要时|需要时|按需|需要时使用|必要时使用)$/, 'prn'],
  [/^(?:立即|即刻|立刻|马上)(?:一次|1次)?$/, 'stat'],
];

const EN_RULES: [RegExp, FrequencyCode | ((m: RegExpMatchArray) => FrequencyCode | null)][] = [
  [
    /^(?:once|one time|1 time|1x|x1)(?: a| per| each)? day$|^once daily$|^daily$|^every day$|^once a day$/,
    'qd',
  ],
  [/^(?:twice|two times|2 times|2x|x2)(?: a| per| each)? day$|^(?:twice|two times|2 times) daily$/, 'bid'],
  [
    /^(?:three times|thrice|3 times|3x|x3)(?: a| per| each)? day$|^(?:three times|thrice|3 times) daily$/,
    'tid',
  ],
  [/^(?:four times|4 times|4x|x4)(?: a| per| each)? day$|^(?:four times|4 times) daily$/, 'qid'],
  [
    /^(?:once )?every (\d{1,3}|one|two|four|six|eight|twelve|twenty-four|twenty four) ?(?:hours?|hrs?|h)$/,
    (m) => HOURLY[toNumber(m[1]!) ?? 0] ?? null,
  ],
  [
    /^(?:once )?(?:at bedtime|at night|every night|nightly|each night|before bed|before sleep|every evening)$/,
    'qn',
  ],
  [/^(?:once )?(?:every morning|each morning|in the morning)$/, 'qm'],
  [
    /^(?:once )?(?:every other day|on alternate days|alternate days|every second day|every 2 days|every two days)$/,
    'qod',
  ],
  [/^(?:weekly|once weekly|once a week|once per week|every week|once every week)$/, 'qw'],
  [/^(?:twice weekly|twice a week|twice per week|two times a week|2 times a week)$/, 'biw'],
  [
    /^(?:as needed|as required|when needed|when required|if needed|as necessary|when necessary|on demand)$/,
    'prn',
  ],
  [/^(?:immediately|at once|now|right away)$/, 'stat'],
];

function applyRules(
  text: string,
  rules: [RegExp, FrequencyCode | ((m: RegExpMatchArray) => FrequencyCode | null)][],
): FrequencyCode | null {
  for (const [pattern, result] of rules) {
    const m = text.match(pattern);
    if (m) return typeof result === 'string' ? result : result(m);
  }
  return null;
}

/**
 * Reads a frequency written as a Latin abbreviation ('bid', 'B.I.D.', 'q8h'), in Chinese ('每日两次', '一日2次',
 * '每晚', '隔日') or in English ('twice daily', 'every 8 hours', 'as needed'). Returns null for anything else,
 * including empty or very long text; never throws.
 */
export function parseFrequency(text: string): Frequency | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) return null;
  const normal = text.normalize('NFKC').toLowerCase().trim();
  if (normal.length === 0) return null;

  const compact = normal.replace(/[\s.]/g, '');
  let code: FrequencyCode | null = LATIN[compact] ?? null;
  if (!code) {
    const hourly = compact.match(/^q(\d{1,3})h$/);
    if (hourly) code = HOURLY[Number(hourly[1])] ?? null;
  }
  if (!code && /[\u4e00-\u9fff]/.test(compact)) {
    const zh = compact.replace(/[，,。、;；]/g, '').replace(/(?:服用|使用|给药|用药|口服)$/, '');
    code = applyRules(zh, ZH_RULES);
  }
  if (!code) {
    const en = normal
      .replace(/[.,;]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    code = applyRules(en, EN_RULES);
  }
  return code ? frequencyByCode(code) : null;
}
