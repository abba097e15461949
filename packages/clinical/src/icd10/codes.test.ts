import { describe, expect, it } from 'vitest';
import { ICD10_CHAPTERS } from './chapters.ts';
import { ICD10_CODES, ICD10_CODE_PATTERN, icd10ChapterOf, lookupIcd10 } from './codes.ts';
import type { Icd10ChapterNumber } from './icd10.types.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('ICD-10 table', () => {
  // Titles as in the WHO ICD-10 2019 tabular list; Chinese names as in GB/T 14396-2016 / 国家临床版 2.0.
  it.each<[string, string, string, Icd10ChapterNumber]>([
    ['I10', '特发性（原发性）高血压', 'Essential (primary) hypertension', 'IX'],
    [
      'I11.9',
      '高血压性心脏病不伴有（充血性）心力衰竭',
      'Hypertensive heart disease without (congestive) heart failure',
      'IX',
    ],
    ['I20.0', '不稳定型心绞痛', 'Unstable angina', 'IX'],
    ['I25.1', '动脉硬化性心脏病', 'Atherosclerotic heart disease', 'IX'],
    ['I48.0', '阵发性心房颤动', 'Paroxysmal atrial fibrillation', 'IX'],
    ['I63.9', '脑梗死，未特指', 'Cerebral infarction, unspecified', 'IX'],
    ['E11', '2型糖尿病', 'Type 2 diabetes mellitus', 'IV'],
    ['E11.2', '2型糖尿病伴有肾的并发症', 'Type 2 diabetes mellitus with renal complications', 'IV'],
    ['E11.9', '2型糖尿病不伴有并发症', 'Type 2 diabetes mellitus without complications', 'IV'],
    ['E78.0', '单纯性高胆固醇血症', 'Pure hypercholesterolaemia', 'IV'],
    ['E78.5', '高脂血症，未特指', 'Hyperlipidaemia, unspecified', 'IV'],
    ['E66.9', '肥胖症，未特指', 'Obesity, unspecified', 'IV'],
    ['E03.9', '甲状腺功能减退症，未特指', 'Hypothyroidism, unspecified', 'IV'],
    ['E05.0', '甲状腺毒症伴有弥漫性甲状腺肿', 'Thyrotoxicosis with diffuse goitre', 'IV'],
    [
      'E79.0',
      '高尿酸血症，不伴有炎性关节炎和痛风石性疾病的体征',
      'Hyperuricaemia without signs of inflammatory arthritis and tophaceous disease',
      'IV',
    ],
    ['K21.0', '胃-食管反流病伴有食管炎', 'Gastro-oesophageal reflux disease with oesophagitis', 'XI'],
    ['K29.5', '慢性胃炎，未特指', 'Chronic gastritis, unspecified', 'XI'],
    ['K76.0', '脂肪肝，不可归类在他处者', 'Fatty (change of) liver, not elsewhere classified', 'XI'],
    ['K80.2', '胆囊结石不伴有胆囊炎', 'Calculus of gallbladder without cholecystitis', 'XI'],
    ['N18.3', '慢性肾脏病3期', 'Chronic kidney disease, stage 3', 'XIV'],
    ['J44.9', '慢性阻塞性肺病，未特指', 'Chronic obstructive pulmonary disease, unspecified', 'X'],
    ['J45.9', '哮喘，未特指', 'Asthma, unspecified', 'X'],
    ['J18.9', '肺炎，未特指', 'Pneumonia, unspecified', 'X'],
    ['C34.9', '支气管或肺恶性肿瘤，未特指', 'Malignant neoplasm: Bronchus or lung, unspecified', 'II'],
    ['C50.9', '乳房恶性肿瘤，未特指', 'Malignant neoplasm: Breast, unspecified', 'II'],
    ['C61', '前列腺恶性肿瘤', 'Malignant neoplasm of prostate', 'II'],
    ['D64.9', '贫血，未特指', 'Anaemia, unspecified', 'III'],
    ['M10.9', '痛风，未特指', 'Gout, unspecified', 'XIII'],
    ['M81.0', '绝经后骨质疏松', 'Postmenopausal osteoporosis', 'XIII'],
    ['F32.9', '抑郁发作，未特指', 'Depressive episode, unspecified', 'V'],
    ['G47.3', '睡眠呼吸暂停', 'Sleep apnoea', 'VI'],
    ['H52.1', '近视', 'Myopia', 'VII'],
    ['H93.1', '耳鸣', 'Tinnitus', 'VIII'],
    ['R73.0', '葡萄糖耐量试验异常', 'Abnormal glucose tolerance test', 'XVIII'],
    ['R94.5', '肝功能检查的异常结果', 'Abnormal results of liver function studies', 'XVIII'],
    ['Z00.0', '一般医学检查', 'General medical examination', 'XXI'],
    [
      'B98.0',
      '幽门螺杆菌［H.pylori］作为分类于其他章疾病的原因',
      'Helicobacter pylori [H.pylori] as the cause of diseases classified to other chapters',
      'I',
    ],
    ['S72.0', '股骨颈骨折', 'Fracture of neck of femur', 'XIX'],
    ['U07.1', '新型冠状病毒感染［COVID-19］，病毒已确认', 'COVID-19, virus identified', 'XXII'],
  ])('%s is %s / %s', (code, zh, en, chapter) => {
    expect(lookupIcd10(code)).toEqual({ code, zh, en, chapter });
  });

  it('holds at least 2,000 codes', () => {
    expect(ICD10_CODES.length).toBeGreaterThanOrEqual(2000);
  });

  it('lists every code once', () => {
    const codes = ICD10_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives every code the form of an ICD-10 category or subcategory', () => {
    const bad = ICD10_CODES.filter((c) => !ICD10_CODE_PATTERN.test(c.code));
    expect(bad).toEqual([]);
  });

  it('keeps classification order', () => {
    const codes = ICD10_CODES.map((c) => c.code);
    const chapterIndex = (c: string) =>
      ICD10_CHAPTERS.findIndex((ch) => c >= ch.from && c.slice(0, 3) <= ch.to);
    const sorted = [...codes].sort(
      (a, b) => chapterIndex(a.slice(0, 3)) - chapterIndex(b.slice(0, 3)) || a.localeCompare(b),
    );
    expect(codes).toEqual(sorted);
  });

  // WHO titles U07 "Emergency use of U07"; only its COVID-19 subcategories are listed.
  it('lists the category of every subcategory, except the emergency-use U07', () => {
    const listed = new Set(ICD10_CODES.map((c) => c.code));
    const orphans = ICD10_CODES.filter((c) => c.code.includes('.') && !listed.has(c.code.slice(0, 3)));
    expect(orphans.map((c) => c.code)).toEqual(['U07.1', 'U07.2']);
  });

  it('writes Chinese names in Chinese and English titles without Chinese characters', () => {
    for (const c of ICD10_CODES) {
      expect(CJK.test(c.zh), c.code).toBe(true);
      expect(CJK.test(c.en), c.code).toBe(false);
      expect(c.zh.trim(), c.code).toBe(c.zh);
      expect(c.en.trim(), c.code).toBe(c.en);
      expect(c.en, c.code).not.toMatch(/ {2}| :/);
    }
  });
});

describe('ICD-10 chapters', () => {
  it('numbers the 22 chapters I to XXII once each', () => {
    expect(ICD10_CHAPTERS.map((c) => c.chapter)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
      'XIII',
      'XIV',
      'XV',
      'XVI',
      'XVII',
      'XVIII',
      'XIX',
      'XX',
      'XXI',
      'XXII',
    ]);
  });

  it('has ranges that do not overlap', () => {
    const ranges = [...ICD10_CHAPTERS].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i]!.from > ranges[i - 1]!.to, ranges[i]!.chapter).toBe(true);
    }
  });

  it('covers every listed code with the chapter the code carries', () => {
    for (const c of ICD10_CODES) {
      const category = c.code.slice(0, 3);
      const holding = ICD10_CHAPTERS.filter((ch) => category >= ch.from && category <= ch.to);
      expect(
        holding.map((ch) => ch.chapter),
        c.code,
      ).toEqual([c.chapter]);
    }
  });

  it.each<[string, Icd10ChapterNumber | undefined]>([
    ['I10', 'IX'],
    ['C50.9', 'II'],
    ['D48.1', 'II'],
    ['D50', 'III'],
    ['H59', 'VII'],
    ['H60.9', 'VIII'],
    ['U07.1', 'XXII'],
    ['V01', 'XX'],
    ['Z99.2', 'XXI'],
    ['not a code', undefined],
  ])('places %s in chapter %s', (code, chapter) => {
    expect(icd10ChapterOf(code)).toBe(chapter);
  });
});

describe('lookupIcd10', () => {
  it.each([
    ['i10', 'I10'],
    [' I10 ', 'I10'],
    ['I10.x', 'I10'],
    ['I10.X00x032', 'I10'],
    ['e11.9', 'E11.9'],
    ['E119', 'E11.9'],
    ['E11.900', 'E11.9'],
    ['k76 .0', 'K76.0'],
  ])('reads %j as %s', (input, code) => {
    expect(lookupIcd10(input)?.code).toBe(code);
  });

  it.each(['', 'I1', 'ABC', '10.9', 'I10.9'])('finds nothing for %j', (input) => {
    expect(lookupIcd10(input)).toBeUndefined();
  });
});
