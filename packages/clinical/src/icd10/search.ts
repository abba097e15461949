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

// Lower is better: exact code, code prefix, a name that starts with the query, a name that contains it.
const EXACT_CODE = 0;
const CODE_PREFIX = 1;
const NAME_STARTS = 2;
const NAME_CONTAINS = 3;

interface Entry {
  readonly code: Icd10Code;
  readonly compactCode: string;
  readonly zh: string;
  readonly en: string;
  readonly initials: string;
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
