import type { SymptomDef, TriageLang } from './triage.types.ts';

// Symptom matching with negation. Chinese: the server segments with jieba; the tokens are joined back and synonyms
// are matched as substrings (segmentation splits colloquial phrases such as 喘不上气 unpredictably), and the
// tokens feed the classifier. English: lower-cased words, synonyms matched as whole-word phrases.
// Negation (不发烧, 没有胸痛, no fever) is scoped to the clause: a cue shortly before the match, or a list that
// continues a negated match (没有发烧、咳嗽; no fever or cough). When in doubt a symptom counts as present, since
// missing a present symptom is the dangerous error.

export interface SymptomHit {
  id: string;
  negated: boolean;
}

const ZH_NEGATION = ['没有', '并没', '否认', '不', '没', '无', '未'];
/** 不 and 无 inside words that do not negate what follows (不停地咳嗽 = coughing non-stop). */
const ZH_NOT_NEGATION =
  /^(不停|不断|不住|不行|不舒服|不适|不止|不清|不了|不得了|不出话|不上气|不过气|不见|不醒|不动|不下|无力|不能)/;
const ZH_CLAUSE_BREAK = /[，。；！？,.;!?\n]|但是|但|可是|不过|却|就是/;
const ZH_LIST_GLUE = /^[、和与及或也还都以及、\s]*$/;
const ZH_WINDOW = 4;

const EN_NEGATION = new Set([
  'no',
  'not',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  'without',
  'denies',
  'never',
  "haven't",
  "hasn't",
  'none',
  'nor',
]);
const EN_CLAUSE_BREAK = new Set(['.', ',', ';', '!', '?', 'but', 'however', 'although', 'though', 'except']);
const EN_LIST_GLUE = new Set(['or', 'nor', 'any']);
const EN_WINDOW = 4;

/** English text as lower-case words and clause punctuation (kept as tokens, since negation stops at them). */
export function tokenizeEnglish(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[a-z0-9]+(?:['-][a-z0-9]+)*|[.,;!?]/g) ?? []
  );
}

/** Degree words between a body part and its complaint (头很疼, 嘴唇有点肿) are dropped from text and synonyms alike. */
const ZH_DEGREE = /有点儿?|有些|很|好|特别|非常|挺|十分|比较|老是|总是/g;
export const normalizeZh = (text: string) => text.replace(ZH_DEGREE, '');

function zhMatches(text: string, symptoms: readonly SymptomDef[]) {
  const hits: { id: string; start: number; end: number }[] = [];
  for (const s of symptoms) {
    for (const raw of s.synonymsZh) {
      const syn = normalizeZh(raw);
      if (syn.length === 0) continue;
      let at = text.indexOf(syn);
      while (at >= 0) {
        hits.push({ id: s.id, start: at, end: at + syn.length });
        at = text.indexOf(syn, at + syn.length);
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

function zhNegatedAt(text: string, start: number): boolean {
  const from = Math.max(0, start - ZH_WINDOW - 2);
  const before = text.slice(from, start);
  // Only the part of the window after the last clause break counts.
  const parts = before.split(ZH_CLAUSE_BREAK);
  const clause = parts[parts.length - 1] ?? '';
  const clauseStart = start - clause.length;
  for (let i = clause.length - 1; i >= 0; i -= 1) {
    for (const cue of ZH_NEGATION) {
      if (!clause.startsWith(cue, i)) continue;
      if (ZH_NOT_NEGATION.test(text.slice(clauseStart + i))) continue;
      if (clause.length - (i + cue.length) <= ZH_WINDOW) return true;
    }
  }
  return false;
}

function matchZh(text: string, symptoms: readonly SymptomDef[]): SymptomHit[] {
  const hits = zhMatches(text, symptoms);
  const out: SymptomHit[] = [];
  let prev: { end: number; negated: boolean } | undefined;
  for (const h of hits) {
    if (prev && h.start < prev.end) continue; // inside a longer match already taken
    let negated = zhNegatedAt(text, h.start);
    if (!negated && prev?.negated && ZH_LIST_GLUE.test(text.slice(prev.end, h.start))) negated = true;
    out.push({ id: h.id, negated });
    prev = { end: h.end, negated };
  }
  return out;
}

function matchEn(tokens: readonly string[], symptoms: readonly SymptomDef[]): SymptomHit[] {
  const phrases: { id: string; words: string[] }[] = [];
  for (const s of symptoms)
    for (const syn of s.synonymsEn) phrases.push({ id: s.id, words: tokenizeEnglish(syn) });
  phrases.sort((a, b) => b.words.length - a.words.length);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const hits: { id: string; start: number; end: number }[] = [];
  for (const p of phrases) {
    for (let i = 0; i + p.words.length <= tokens.length; i += 1) {
      if (p.words.every((w, k) => tokens[i + k] === w && !taken[i + k])) {
        hits.push({ id: p.id, start: i, end: i + p.words.length });
        for (let k = 0; k < p.words.length; k += 1) taken[i + k] = true;
      }
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const out: SymptomHit[] = [];
  let prev: { end: number; negated: boolean } | undefined;
  for (const h of hits) {
    let negated = false;
    for (let i = h.start - 1; i >= Math.max(0, h.start - EN_WINDOW); i -= 1) {
      const t = tokens[i] ?? '';
      if (EN_CLAUSE_BREAK.has(t)) break;
      if (EN_NEGATION.has(t)) {
        negated = true;
        break;
      }
    }
    if (!negated && prev?.negated) {
      const glue = tokens.slice(prev.end, h.start);
      if (glue.length <= 2 && glue.every((t) => EN_LIST_GLUE.has(t))) negated = true;
    }
    out.push({ id: h.id, negated });
    prev = { end: h.end, negated };
  }
  return out;
}

/**
 * The symptoms a text mentions: id -> true (present) or false (denied). A symptom both affirmed and denied in one
 * text (胸口疼……没有胸痛) counts as present.
 */
export function matchSymptoms(
  tokens: readonly string[],
  lang: TriageLang,
  symptoms: readonly SymptomDef[],
): Record<string, boolean> {
  const hits = lang === 'zh' ? matchZh(normalizeZh(tokens.join('')), symptoms) : matchEn(tokens, symptoms);
  const out: Record<string, boolean> = {};
  for (const h of hits) out[h.id] = out[h.id] === true || !h.negated;
  return out;
}
