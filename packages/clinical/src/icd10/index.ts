// ICD-10 (WHO 2019) code table with Chinese and English names: chapters, look-up and search.
export type { Icd10Chapter, Icd10ChapterNumber, Icd10Code } from './icd10.types.ts';
export { ICD10_CHAPTERS } from './chapters.ts';
export { ICD10_CODES, ICD10_CODE_PATTERN, icd10ChapterOf, lookupIcd10, normalizeIcd10Code } from './codes.ts';
export { searchIcd10, type Icd10SearchOptions } from './search.ts';
