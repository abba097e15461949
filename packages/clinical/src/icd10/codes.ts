// The assembled ICD-10 table and exact look-up. English titles are WHO ICD-10 2019; Chinese names follow
// GB/T 14396-2016 疾病分类与代码 and, for diabetes and chronic kidney disease, the national clinical version's
// wording (国家临床版 2.0). Only codes checked against the WHO tabular list are listed; a subcategory is left out
// rather than guessed.
import { chapterOfCategory } from './chapters.ts';
import { INFECTIOUS } from './data/a00-b99-infectious.ts';
import { MALIGNANT_NEOPLASMS } from './data/c00-c97-malignant.ts';
import { OTHER_NEOPLASMS } from './data/d00-d48-other-neoplasms.ts';
import { BLOOD_AND_IMMUNE } from './data/d50-d89-blood.ts';
import { ENDOCRINE } from './data/e00-e90-endocrine.ts';
import { MENTAL } from './data/f00-f99-mental.ts';
import { NERVOUS } from './data/g00-g99-nervous.ts';
import { EYE_AND_EAR } from './data/h00-h95-eye-ear.ts';
import { HEART } from './data/i00-i52-heart.ts';
import { VESSELS } from './data/i60-i99-vessels.ts';
import { RESPIRATORY } from './data/j00-j99-respiratory.ts';
import { DIGESTIVE } from './data/k00-k93-digestive.ts';
import { SKIN } from './data/l00-l99-skin.ts';
import { MUSCULOSKELETAL } from './data/m00-m99-musculoskeletal.ts';
import { GENITOURINARY } from './data/n00-n99-genitourinary.ts';
import { PREGNANCY } from './data/o00-o99-pregnancy.ts';
import { PERINATAL } from './data/p00-p96-perinatal.ts';
import { CONGENITAL } from './data/q00-q99-congenital.ts';
import { SYMPTOMS } from './data/r00-r99-symptoms.ts';
import { INJURY } from './data/s00-t98-injury.ts';
import { HEALTH_FACTORS } from './data/z00-z99-u-health-factors.ts';
import type { Icd10ChapterNumber, Icd10Code, Icd10Row } from './icd10.types.ts';

/** A category (`I10`) or a subcategory (`I10.9`); WHO 2019 has a few five-character codes we do not list. */
export const ICD10_CODE_PATTERN = /^[A-Z]\d{2}(\.\d)?$/;

const ROWS: readonly Icd10Row[] = [
  ...INFECTIOUS,
  ...MALIGNANT_NEOPLASMS,
  ...OTHER_NEOPLASMS,
  ...BLOOD_AND_IMMUNE,
  ...ENDOCRINE,
  ...MENTAL,
  ...NERVOUS,
  ...EYE_AND_EAR,
  ...HEART,
  ...VESSELS,
  ...RESPIRATORY,
  ...DIGESTIVE,
  ...SKIN,
  ...MUSCULOSKELETAL,
  ...GENITOURINARY,
  ...PREGNANCY,
  ...PERINATAL,
  ...CONGENITAL,
  ...SYMPTOMS,
  ...INJURY,
  ...HEALTH_FACTORS,
];

function toCode([code, zh, en]: Icd10Row): Icd10Code {
  const chapter = chapterOfCategory(code.slice(0, 3));
  // A row outside every chapter is a typo in a data file; fail at load rather than serve it.
  if (chapter === undefined) throw new Error(`ICD-10 code ${code} is in no chapter`);
  return Object.freeze({ code, zh, en, chapter });
}

/** Every listed code, in classification order. */
export const ICD10_CODES: readonly Icd10Code[] = Object.freeze(ROWS.map(toCode));

const BY_CODE: ReadonlyMap<string, Icd10Code> = new Map(ICD10_CODES.map((c) => [c.code, c]));

/**
 * Canonical form of a code as people type it: upper case, no spaces, `I109` -> `I10.9`, and the Chinese
 * national clinical version's extended codes `I10.x00x032` -> `I10`, `E11.900` -> `E11.9`. Undefined when it cannot be a code.
 */
export function normalizeIcd10Code(input: string): string | undefined {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '').replace(/。/g, '.');
  const m = /^([A-Z]\d{2})(?:\.?([0-9X])[0-9A-Z]*)?$/.exec(compact);
  if (m === null) return undefined;
  const [, category, sub] = m;
  if (category === undefined) return undefined;
  return sub === undefined || sub === 'X' ? category : `${category}.${sub}`;
}

/** The code as listed, accepting case, spaces and `I10.x`; undefined when the table does not list it. */
export function lookupIcd10(code: string): Icd10Code | undefined {
  const normal = normalizeIcd10Code(code);
  return normal === undefined ? undefined : BY_CODE.get(normal);
}

/** The chapter a code belongs to, from its category, whether or not the table lists the code itself. */
export function icd10ChapterOf(code: string): Icd10ChapterNumber | undefined {
  const normal = normalizeIcd10Code(code);
  return normal === undefined ? undefined : chapterOfCategory(normal.slice(0, 3));
}
