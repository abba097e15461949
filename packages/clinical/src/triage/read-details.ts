import type { Severity, Sex, TriageLang } from './triage.types.ts';

// Details a patient often writes in the first message: age, duration, onset, severity, temperature, pregnancy.
// Whatever is not found is asked (questions.ts) or taken from the patient's record by the server.

export interface TextDetails {
  ageYears?: number;
  sex?: Sex;
  durationHours?: number;
  sudden?: boolean;
  severity?: Severity;
  temperatureC?: number;
  pregnant?: boolean;
  /** The same complaint again (又犯了, as usual): worth a routine appointment rather than self-care. */
  recurrent?: boolean;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
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
};

/** "3", "3.5", "三", "十二", "二十五", "半" -> number. */
export function parseNumber(raw: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === '半') return 0.5;
  if (raw === '几' || raw === '好几') return 3;
  if (raw === '十') return 10;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(raw);
  if (!m || raw.length === 0) return undefined;
  const [, a, ten, b] = m;
  const av = a ? (CN_DIGITS[a] ?? 0) : 0;
  if (!ten) return a && !b ? av : undefined;
  return (a ? av : 1) * 10 + (b ? (CN_DIGITS[b] ?? 0) : 0);
}

const NUM = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十半几]+)';
const UNIT_HOURS: Record<string, number> = {
  分钟: 1 / 60,
  小时: 1,
  钟头: 1,
  天: 24,
  日: 24,
  周: 168,
  星期: 168,
  礼拜: 168,
  个月: 720,
  月: 720,
  年: 8760,
  minute: 1 / 60,
  hour: 1,
  day: 24,
  week: 168,
  month: 720,
  year: 8760,
};
const EN_WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  few: 3,
  couple: 2,
};

function readZh(text: string): TextDetails {
  const d: TextDetails = {};
  const age = new RegExp(`${NUM}\\s*(岁|周岁)`).exec(text);
  const months = new RegExp(`${NUM}\\s*个?月(大|的(宝宝|孩子|婴儿|小孩|宝))`).exec(text);
  const days = new RegExp(`${NUM}\\s*天(大|的(宝宝|孩子|婴儿|新生儿))`).exec(text);
  if (age) d.ageYears = parseNumber(age[1] ?? '');
  else if (months) d.ageYears = (parseNumber(months[1] ?? '') ?? 0) / 12;
  else if (days) d.ageYears = (parseNumber(days[1] ?? '') ?? 0) / 365;
  else if (/新生儿|刚出生/.test(text)) d.ageYears = 0.05;

  const duration = new RegExp(
    `${NUM}\\s*(个)?多?(分钟|小时|钟头|天|日|周|星期|礼拜|个月|月|年)(?!大|的宝|的孩|的婴|的小)`,
  ).exec(text);
  if (duration) {
    const n = parseNumber(duration[1] ?? '');
    const unit = duration[2] ? `个${duration[3] ?? ''}` : (duration[3] ?? '');
    const h = UNIT_HOURS[unit] ?? UNIT_HOURS[duration[3] ?? ''];
    if (n !== undefined && h !== undefined) d.durationHours = n * h;
  } else if (/刚才|刚刚|刚刚开始/.test(text)) d.durationHours = 0.5;
  else if (/今天|今早|今晚|今天早上/.test(text)) d.durationHours = 6;
  else if (/昨天|昨晚|一天了/.test(text)) d.durationHours = 24;
  else if (/前天/.test(text)) d.durationHours = 48;
  else if (/好久|很久|一直|长期|反复|经常|老是/.test(text)) d.durationHours = 24 * 30;

  if (/又犯|又发作|又开始|反复|老毛病|跟以前一样|经常/.test(text)) d.recurrent = true;
  if (/突然|突发|一下子|猛地|忽然/.test(text)) d.sudden = true;
  if (
    /剧烈|剧痛|很严重|非常严重|特别疼|特别痛|疼得厉害|痛得厉害|受不了|难以忍受|疼死|痛死|要命|得厉害|很厉害|特别厉害|非常疼|非常痛/.test(
      text,
    )
  )
    d.severity = 'severe';
  else if (/有点|有些|轻微|一点点|稍微|偶尔/.test(text)) d.severity = 'mild';

  const temp = /(\d{2}(?:\.\d)?)\s*(度|℃|°)/.exec(text);
  if (temp) {
    const t = Number(temp[1]);
    if (t >= 35 && t <= 43) d.temperatureC = t;
  }
  if (/怀孕|孕妇|孕期|妊娠|孕\d+周/.test(text)) {
    d.pregnant = true;
    d.sex = 'female';
  }
  if (/(我是|本人)?(男性|男的|男生|男，|男,)/.test(text)) d.sex ??= 'male';
  if (/(女性|女的|女生|女，|女,)/.test(text)) d.sex = 'female';
  return d;
}

function readEn(tokens: readonly string[]): TextDetails {
  const text = tokens.join(' ');
  const d: TextDetails = {};
  const num = (w: string | undefined) =>
    w === undefined ? undefined : (EN_WORD_NUMBERS[w] ?? (/^\d+(\.\d+)?$/.test(w) ? Number(w) : undefined));
  const old = /\b(\d+|[a-z]+)[ -]?(year|month|week|day)s?[ -]old\b/.exec(text);
  const iam =
    /\b(?:i am|i'm|im|aged|age)\s+(\d{1,3})\b(?!\s*(?:weeks?|months?|days?|hours?|kg|lbs?|cm|times))/.exec(
      text,
    );
  if (old) {
    const n = num(old[1]);
    const per: Record<string, number> = { year: 1, month: 1 / 12, week: 1 / 52, day: 1 / 365 };
    if (n !== undefined) d.ageYears = n * (per[old[2] ?? 'year'] ?? 1);
  } else if (iam) d.ageYears = Number(iam[1]);
  else if (/\bnewborn\b/.test(text)) d.ageYears = 0.05;

  const dur =
    /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple)\s+(?:of\s+)?(minute|hour|day|week|month|year)s?\b(?![ -]old)/.exec(
      text,
    );
  if (dur) {
    const n = num(dur[1]);
    const h = UNIT_HOURS[dur[2] ?? ''];
    if (n !== undefined && h !== undefined) d.durationHours = n * h;
  } else if (/\bjust now\b|\bminutes ago\b/.test(text)) d.durationHours = 0.5;
  else if (/\b(today|this morning|tonight|this evening|this afternoon)\b/.test(text)) d.durationHours = 6;
  else if (/\b(yesterday|last night)\b/.test(text)) d.durationHours = 24;
  else if (/\bfor weeks\b/.test(text)) d.durationHours = 24 * 14;
  else if (/\b(for months|for ages|for a long time|always|chronic|on and off|keeps coming back)\b/.test(text))
    d.durationHours = 24 * 60;
  if (/\b(again|recurring|keeps coming back|on and off|as usual|same as usual)\b/.test(text))
    d.recurrent = true;

  if (/\b(sudden|suddenly|all of a sudden|out of nowhere|came on fast)\b/.test(text)) d.sudden = true;
  if (
    /\b(severe|terrible|unbearable|excruciating|worst|really bad|very bad|agonizing|crushing|intense)\b/.test(
      text,
    )
  )
    d.severity = 'severe';
  else if (/\b(mild|slight|slightly|a bit|a little|minor)\b/.test(text)) d.severity = 'mild';
  const pain10 = /\b(\d{1,2})\s*(?:\/|out of)\s*10\b/.exec(text);
  if (pain10) {
    const n = Number(pain10[1]);
    d.severity = n >= 7 ? 'severe' : n >= 4 ? 'moderate' : 'mild';
  }

  const temp = /\b(\d{2,3}(?:\.\d)?)\s*(?:degrees?\s*)?(c|f|celsius|fahrenheit)?\b/.exec(
    text.replace(/°/g, ' '),
  );
  if (temp && /\b(fever|temperature|temp|degrees?)\b/.test(text)) {
    const v = Number(temp[1]);
    const t = v >= 90 && v <= 110 ? ((v - 32) * 5) / 9 : v;
    if (t >= 35 && t <= 43) d.temperatureC = Math.round(t * 10) / 10;
  }
  if (/\b(pregnant|pregnancy|expecting a baby)\b/.test(text)) {
    d.pregnant = true;
    d.sex = 'female';
  }
  if (/\b(i am a man|i'm a man|male)\b/.test(text)) d.sex ??= 'male';
  if (/\b(i am a woman|i'm a woman|female)\b/.test(text)) d.sex = 'female';
  return d;
}

export function readDetails(tokens: readonly string[], lang: TriageLang): TextDetails {
  return lang === 'zh' ? readZh(tokens.join('')) : readEn(tokens);
}
