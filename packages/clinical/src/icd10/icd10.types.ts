// Types of the ICD-10 code table (WHO ICD-10 2019 edition, Chinese names in the national standard's wording).

/** A row of a chapter's data file: code, Chinese name, WHO English title. */
export type Icd10Row = readonly [code: string, zh: string, en: string];

export type Icd10ChapterNumber =
  | 'I'
  | 'II'
  | 'III'
  | 'IV'
  | 'V'
  | 'VI'
  | 'VII'
  | 'VIII'
  | 'IX'
  | 'X'
  | 'XI'
  | 'XII'
  | 'XIII'
  | 'XIV'
  | 'XV'
  | 'XVI'
  | 'XVII'
  | 'XVIII'
  | 'XIX'
  | 'XX'
  | 'XXI'
  | 'XXII';

export interface Icd10Chapter {
  readonly chapter: Icd10ChapterNumber;
  /** First and last three-character category of the chapter, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly zh: string;
  readonly en: string;
}

export interface Icd10Code {
  /** Category (`I10`) or subcategory with a dot (`E11.9`). */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly chapter: Icd10ChapterNumber;
}
