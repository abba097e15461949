// The 22 chapters of ICD-10 (WHO 2019 edition). English titles are WHO's; Chinese titles follow
// GB/T 14396-2016 疾病分类与代码. Chapter XXII (codes for special purposes, U00-U85) is numbered last by WHO
// although its letter comes before V.
import type { Icd10Chapter, Icd10ChapterNumber } from './icd10.types.ts';

export const ICD10_CHAPTERS: readonly Icd10Chapter[] = [
  {
    chapter: 'I',
    from: 'A00',
    to: 'B99',
    zh: '某些传染病和寄生虫病',
    en: 'Certain infectious and parasitic diseases',
  },
  { chapter: 'II', from: 'C00', to: 'D48', zh: '肿瘤', en: 'Neoplasms' },
  {
    chapter: 'III',
    from: 'D50',
    to: 'D89',
    zh: '血液及造血器官疾病和涉及免疫机制的某些疾患',
    en: 'Diseases of the blood and blood-forming organs and certain disorders involving the immune mechanism',
  },
  {
    chapter: 'IV',
    from: 'E00',
    to: 'E90',
    zh: '内分泌、营养和代谢疾病',
    en: 'Endocrine, nutritional and metabolic diseases',
  },
  { chapter: 'V', from: 'F00', to: 'F99', zh: '精神和行为障碍', en: 'Mental and behavioural disorders' },
  { chapter: 'VI', from: 'G00', to: 'G99', zh: '神经系统疾病', en: 'Diseases of the nervous system' },
  { chapter: 'VII', from: 'H00', to: 'H59', zh: '眼和附器疾病', en: 'Diseases of the eye and adnexa' },
  {
    chapter: 'VIII',
    from: 'H60',
    to: 'H95',
    zh: '耳和乳突疾病',
    en: 'Diseases of the ear and mastoid process',
  },
  { chapter: 'IX', from: 'I00', to: 'I99', zh: '循环系统疾病', en: 'Diseases of the circulatory system' },
  { chapter: 'X', from: 'J00', to: 'J99', zh: '呼吸系统疾病', en: 'Diseases of the respiratory system' },
  { chapter: 'XI', from: 'K00', to: 'K93', zh: '消化系统疾病', en: 'Diseases of the digestive system' },
  {
    chapter: 'XII',
    from: 'L00',
    to: 'L99',
    zh: '皮肤和皮下组织疾病',
    en: 'Diseases of the skin and subcutaneous tissue',
  },
  {
    chapter: 'XIII',
    from: 'M00',
    to: 'M99',
    zh: '肌肉骨骼系统和结缔组织疾病',
    en: 'Diseases of the musculoskeletal system and connective tissue',
  },
  {
    chapter: 'XIV',
    from: 'N00',
    to: 'N99',
    zh: '泌尿生殖系统疾病',
    en: 'Diseases of the genitourinary system',
  },
  {
    chapter: 'XV',
    from: 'O00',
    to: 'O99',
    zh: '妊娠、分娩和产褥期',
    en: 'Pregnancy, childbirth and the puerperium',
  },
  {
    chapter: 'XVI',
    from: 'P00',
    to: 'P96',
    zh: '起源于围生期的某些情况',
    en: 'Certain conditions originating in the perinatal period',
  },
  {
    chapter: 'XVII',
    from: 'Q00',
    to: 'Q99',
    zh: '先天性畸形、变形和染色体异常',
    en: 'Congenital malformations, deformations and chromosomal abnormalities',
  },
  {
    chapter: 'XVIII',
    from: 'R00',
    to: 'R99',
    zh: '症状、体征和临床与实验室异常所见，不可归类在他处者',
    en: 'Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified',
  },
  {
    chapter: 'XIX',
    from: 'S00',
    to: 'T98',
    zh: '损伤、中毒和外因的某些其他后果',
    en: 'Injury, poisoning and certain other consequences of external causes',
  },
  {
    chapter: 'XX',
    from: 'V01',
    to: 'Y98',
    zh: '疾病和死亡的外因',
    en: 'External causes of morbidity and mortality',
  },
  {
    chapter: 'XXI',
    from: 'Z00',
    to: 'Z99',
    zh: '影响健康状态和与保健机构接触的因素',
    en: 'Factors influencing health status and contact with health services',
  },
  { chapter: 'XXII', from: 'U00', to: 'U85', zh: '用于特殊目的的编码', en: 'Codes for special purposes' },
];

/** The chapter whose range holds the code's three-character category; undefined when none does. */
export function chapterOfCategory(category: string): Icd10ChapterNumber | undefined {
  return ICD10_CHAPTERS.find((c) => category >= c.from && category <= c.to)?.chapter;
}
