// Search over the ICD-10 table by code, Chinese name, English title or the pinyin initials of the Chinese name
// (`gxy` finds 高血压). Initials are computed once, on the first search, so importing the table costs nothing.
import { pinyin } from 'pinyin-pro';
import { ICD10_CODES, normalizeIcd10Code } from './codes.ts';
import type { Icd10Code } from './icd10.types.ts';

export interface Icd10SearchOptions {
  /** Maximum number of results; default 20. */
  readonly limit?: number;
}

const DEFAULT_LIMIT = 20;

// Lower is better: exact code, code prefix, the everyday name itself, a name that starts with the query, a name
// that contains it.
const EXACT_CODE = 0;
const CODE_PREFIX = 1;
const EVERYDAY_NAME = 2;
const NAME_STARTS = 3;
const NAME_CONTAINS = 4;

// The names clinicians and patients actually type for the commonest diagnoses, where the classification's title
// is longer (I10 is 特发性（原发性）高血压, but everyone writes 高血压). Typing the everyday name, or its initials,
// puts the code first.
const EVERYDAY_NAMES: Readonly<Record<string, readonly string[]>> = {
  I10: ['高血压', '原发性高血压'],
  'E11.9': ['糖尿病', '2型糖尿病'],
  E11: ['2型糖尿病'],
  'E10.9': ['1型糖尿病'],
  'E78.5': ['高脂血症', '血脂异常'],
  'E78.0': ['高胆固醇血症'],
  'E78.1': ['高甘油三酯血症'],
  'E79.0': ['高尿酸血症'],
  M10: ['痛风'],
  'K76.0': ['脂肪肝'],
  'I25.1': ['冠心病'],
  'I63.9': ['脑梗死', '脑梗'],
  I48: ['房颤', '心房颤动'],
  'I50.9': ['心力衰竭', '心衰'],
  'J44.9': ['慢阻肺', '慢性阻塞性肺疾病'],
  'J45.9': ['哮喘'],
  N18: ['慢性肾脏病', '慢性肾病'],
  'K29.7': ['胃炎'],
  'K21.0': ['反流性食管炎'],
  'K21.9': ['胃食管反流'],
  'E03.9': ['甲减', '甲状腺功能减退'],
  'E05.9': ['甲亢', '甲状腺功能亢进'],
  'E04.1': ['甲状腺结节'],
  'M81.9': ['骨质疏松'],
  'F32.9': ['抑郁症', '抑郁'],
  'G47.0': ['失眠'],
  'E66.9': ['肥胖', '肥胖症'],
  'D64.9': ['贫血'],
  'K80.2': ['胆结石', '胆囊结石'],
};

interface Entry {
  readonly code: Icd10Code;
  readonly compactCode: string;
  readonly zh: string;
  readonly en: string;
  readonly initials: string;
  readonly everyday: readonly { readonly zh: string; readonly initials: string }[];
}

let entries: readonly Entry[] | undefined;

/** Full-width brackets and commas fold to their ASCII forms, so `特发性(原发性)` matches `特发性（原发性）`. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function initialsOf(zh: string): string {
  const letters = pinyin(zh, { pattern: 'first', toneType: 'none', type: 'array' });
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function index(): readonly Entry[] {
  entries ??= ICD10_CODES.map((code) => ({
    code,
    compactCode: code.code.replace('.', ''),
    zh: fold(code.zh),
    en: fold(code.en),
    initials: initialsOf(code.zh),
    everyday: (EVERYDAY_NAMES[code.code] ?? []).map((zh) => ({ zh: fold(zh), initials: initialsOf(zh) })),
  }));
  return entries;
}

/** True when `query` occurs in `text` at the start of a word (after a non-alphanumeric character). */
function containsAtWordStart(text: string, query: string): boolean {
  for (let i = text.indexOf(query); i !== -1; i = text.indexOf(query, i + 1)) {
    if (i === 0 || !/[a-z0-9]/.test(text.charAt(i - 1))) return true;
  }
  return false;
}

function nameRank(entry: Entry, query: string, asInitials: boolean): number | undefined {
  if (entry.everyday.some((e) => e.zh === query || (asInitials && e.initials === query)))
    return EVERYDAY_NAME;
  if (entry.everyday.some((e) => e.zh.startsWith(query) || (asInitials && e.initials.startsWith(query))))
    return NAME_STARTS;
  if (entry.zh.startsWith(query) || entry.en.startsWith(query)) return NAME_STARTS;
  if (asInitials && entry.initials.startsWith(query)) return NAME_STARTS;
  if (entry.zh.includes(query) || containsAtWordStart(entry.en, query)) return NAME_CONTAINS;
  if (asInitials && entry.initials.includes(query)) return NAME_CONTAINS;
  return undefined;
}

/**
 * Codes matching the query, best first: the exact code, then codes starting with it (`E11` -> E11, E11.0 ...),
 * then names starting with it, then names containing it; ties keep classification order.
 */
export function searchIcd10(query: string, options: Icd10SearchOptions = {}): Icd10Code[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const q = fold(query.trim()).replace(/\s+/g, ' ');
  if (q === '' || limit === 0) return [];

  const exact = normalizeIcd10Code(q);
  const compact = q.toUpperCase().replace(/[\s.]/g, '');
  const codeLike = /^[A-Z]\d{0,3}$/.test(compact);
  const asInitials = /^[a-z]+$/.test(q);

  const ranked: { readonly rank: number; readonly order: number; readonly code: Icd10Code }[] = [];
  index().forEach((entry, order) => {
    let rank: number | undefined;
    if (entry.code.code === exact) rank = EXACT_CODE;
    else if (codeLike && entry.compactCode.startsWith(compact)) rank = CODE_PREFIX;
    else rank = nameRank(entry, q, asInitials);
    if (rank !== undefined) ranked.push({ rank, order, code: entry.code });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, limit).map((r) => r.code);
}
