import type { CheckupItemView, CheckupSummaryView, PdfLanguage } from './types.ts';

// Realistic view models in both languages, for the tests and for previewing the layouts. The patient is fictional.

export type Pair = readonly [zh: string, en: string];
export const pick = (language: PdfLanguage, pair: Pair) => (language === 'zh-CN' ? pair[0] : pair[1]);

interface SampleItem {
  category: Pair;
  name: Pair;
  result: string | Pair;
  unit: string | null;
  range: string | Pair | null;
  flag: CheckupItemView['flag'];
  change?: CheckupItemView['change'];
  previous?: string;
  explanation?: readonly [measures: Pair, meaning: Pair, nextSteps: Pair];
}

const GENERAL: Pair = ['一般检查', 'General'];
const BLOOD: Pair = ['血常规', 'Complete blood count'];
const CHEM: Pair = ['生化检验', 'Biochemistry'];
const URINE: Pair = ['尿常规', 'Urinalysis'];
const IMAGING: Pair = ['影像检查', 'Imaging'];

const ITEMS: SampleItem[] = [
  { category: GENERAL, name: ['身高', 'Height'], result: '168', unit: 'cm', range: null, flag: 'N' },
  { category: GENERAL, name: ['体重', 'Weight'], result: '76.5', unit: 'kg', range: null, flag: 'N' },
  {
    category: GENERAL,
    name: ['体重指数', 'BMI'],
    result: '27.1',
    unit: 'kg/m²',
    range: '18.5-23.9',
    flag: 'H',
    change: 'worse',
    previous: '26.2',
  },
  {
    category: GENERAL,
    name: ['收缩压', 'Systolic BP'],
    result: '138',
    unit: 'mmHg',
    range: '90-139',
    flag: 'N',
  },
  {
    category: BLOOD,
    name: ['白细胞计数', 'White cell count'],
    result: '6.1',
    unit: '10⁹/L',
    range: '3.5-9.5',
    flag: 'N',
  },
  {
    category: BLOOD,
    name: ['血红蛋白', 'Haemoglobin'],
    result: '112',
    unit: 'g/L',
    range: '130-175',
    flag: 'L',
    change: 'new',
    previous: '134',
  },
  {
    category: BLOOD,
    name: ['血小板计数', 'Platelets'],
    result: '236',
    unit: '10⁹/L',
    range: '125-350',
    flag: 'N',
  },
  {
    category: CHEM,
    name: ['空腹血糖', 'Fasting glucose'],
    result: '7.4',
    unit: 'mmol/L',
    range: '3.9-6.1',
    flag: 'H',
    change: 'worse',
    previous: '6.6',
    explanation: [
      [
        '空腹血糖反映禁食 8 小时以上后血液中的葡萄糖水平，是筛查糖尿病的基本指标。',
        'Fasting glucose is the sugar level in your blood after at least 8 hours without food; it is the basic screening test for diabetes.',
      ],
      [
        '您的结果高于 7.0 mmol/L，提示可能存在糖尿病，需要复查确认。',
        'Your result is above 7.0 mmol/L, which may indicate diabetes and needs a repeat test to confirm.',
      ],
      [
        '请在两周内到内分泌科复查空腹血糖和糖化血红蛋白，减少精制糖摄入。',
        'Please repeat fasting glucose and HbA1c at an endocrinology clinic within two weeks, and cut down on added sugar.',
      ],
    ],
  },
  {
    category: CHEM,
    name: ['糖化血红蛋白', 'HbA1c'],
    result: '6.8',
    unit: '%',
    range: '4.0-6.0',
    flag: 'H',
    change: 'worse',
    previous: '6.2',
  },
  {
    category: CHEM,
    name: ['总胆固醇', 'Total cholesterol'],
    result: '5.1',
    unit: 'mmol/L',
    range: '<5.2',
    flag: 'N',
    change: 'better',
    previous: '5.6',
  },
  {
    category: CHEM,
    name: ['低密度脂蛋白胆固醇', 'LDL cholesterol'],
    result: '3.9',
    unit: 'mmol/L',
    range: '<3.4',
    flag: 'H',
    change: 'better',
    previous: '4.3',
    explanation: [
      [
        '低密度脂蛋白胆固醇俗称"坏胆固醇"，过高会沉积在血管壁形成斑块。',
        'LDL cholesterol, the "bad" cholesterol, builds up in artery walls as plaque when it is high.',
      ],
      [
        '您的结果仍高于理想水平，但比上次有所下降。',
        'Your result is still above the desirable level but lower than last time.',
      ],
      [
        '继续低脂饮食、规律运动，3 个月后复查血脂。',
        'Keep to a low-fat diet and regular exercise, and recheck your lipids in 3 months.',
      ],
    ],
  },
  {
    category: CHEM,
    name: ['谷丙转氨酶', 'ALT'],
    result: '52',
    unit: 'U/L',
    range: '9-50',
    flag: 'H',
    change: 'unchanged',
    previous: '50',
  },
  {
    category: CHEM,
    name: ['血钾', 'Potassium'],
    result: '6.5',
    unit: 'mmol/L',
    range: '3.5-5.3',
    flag: 'HH',
    change: 'new',
    previous: '4.6',
  },
  { category: CHEM, name: ['肌酐', 'Creatinine'], result: '88', unit: 'μmol/L', range: '57-111', flag: 'N' },
  {
    category: URINE,
    name: ['尿蛋白', 'Urine protein'],
    result: ['阴性(-)', 'Negative'],
    unit: null,
    range: ['阴性', 'Negative'],
    flag: 'N',
  },
  {
    category: URINE,
    name: ['尿糖', 'Urine glucose'],
    result: ['阳性(+)', 'Positive (+)'],
    unit: null,
    range: ['阴性', 'Negative'],
    flag: 'A',
    change: 'new',
  },
  {
    category: IMAGING,
    name: ['腹部超声', 'Abdominal ultrasound'],
    result: ['轻度脂肪肝', 'Mild fatty liver'],
    unit: null,
    range: null,
    flag: 'A',
    change: 'unchanged',
  },
];

function sampleItem(item: SampleItem, language: PdfLanguage): CheckupItemView {
  const text = (v: string | Pair | null) => (v === null || typeof v === 'string' ? v : pick(language, v));
  return {
    category: pick(language, item.category),
    name: pick(language, item.name),
    result: text(item.result) ?? '',
    unit: item.unit,
    referenceRange: text(item.range),
    flag: item.flag,
    change: item.change ?? null,
    previous: item.previous ? { result: item.previous, date: '2024-05-20' } : null,
    explanation: item.explanation
      ? {
          measures: pick(language, item.explanation[0]),
          meaning: pick(language, item.explanation[1]),
          nextSteps: pick(language, item.explanation[2]),
        }
      : null,
  };
}

/** A checkup summary with 17 items (7 abnormal, one critical), two explained, three trends. */
export function sampleCheckupSummaryView(
  language: PdfLanguage,
  options: { extraItems?: number } = {},
): CheckupSummaryView {
  const extra = Array.from({ length: options.extraItems ?? 0 }, (_, i): CheckupItemView => ({
    category: pick(language, ['扩展检验', 'Extended panel']) + ` ${Math.floor(i / 25) + 1}`,
    name: `${pick(language, ['检验项目', 'Test item'])} ${i + 1}`,
    result: i % 13 === 0 ? '6.4' : (4 + (i % 7) * 0.3).toFixed(1),
    unit: 'mmol/L',
    referenceRange: '3.5-6.0',
    flag: i % 13 === 0 ? 'H' : 'N',
  }));
  return {
    language,
    organizationName: pick(language, ['北京协和医院', 'Peking Union Medical College Hospital']),
    reportNo: 'TJ20250314-0087',
    checkupDate: '2025-03-14',
    centre: pick(language, ['健康管理中心', 'Health Management Centre']),
    generatedAt: new Date('2025-03-18T02:30:00Z'),
    timeZone: 'Asia/Shanghai',
    patient: {
      name: pick(language, ['王建国', 'Wang Jianguo']),
      sex: 'male',
      age: 52,
      maskedId: '110***********1234',
    },
    items: [...ITEMS.map((item) => sampleItem(item, language)), ...extra],
    trends: [
      {
        name: pick(language, ['空腹血糖', 'Fasting glucose']),
        unit: 'mmol/L',
        referenceLow: 3.9,
        referenceHigh: 6.1,
        points: [
          { date: '2021-04-02', value: 5.6 },
          { date: '2022-05-11', value: 6.0 },
          { date: '2023-05-09', value: 6.3 },
          { date: '2024-05-20', value: 6.6 },
          { date: '2025-03-14', value: 7.4 },
        ],
      },
      {
        name: pick(language, ['低密度脂蛋白胆固醇', 'LDL cholesterol']),
        unit: 'mmol/L',
        referenceHigh: 3.4,
        points: [
          { date: '2023-05-09', value: 4.6 },
          { date: '2024-05-20', value: 4.3 },
          { date: '2025-03-14', value: 3.9 },
        ],
      },
      {
        name: pick(language, ['体重指数', 'BMI']),
        unit: 'kg/m²',
        referenceLow: 18.5,
        referenceHigh: 23.9,
        points: [
          { date: '2022-05-11', value: 25.4 },
          { date: '2024-05-20', value: 26.2 },
          { date: '2025-03-14', value: 27.1 },
        ],
      },
    ],
    recommendations: [
      pick(language, [
        '控制饮食总热量，减少精制糖和油炸食品。',
        'Eat fewer calories overall, with less added sugar and fried food.',
      ]),
      pick(language, [
        '每周至少 150 分钟中等强度有氧运动。',
        'Do at least 150 minutes of moderate aerobic exercise a week.',
      ]),
      pick(language, [
        '血钾明显升高，请今日内联系医生复查。',
        'Your potassium is very high: contact a doctor today for a repeat test.',
      ]),
    ],
    followUps: [
      {
        title: pick(language, ['复查空腹血糖和糖化血红蛋白', 'Repeat fasting glucose and HbA1c']),
        dueDate: '2025-03-28',
        note: pick(language, ['内分泌科门诊', 'Endocrinology clinic']),
      },
      { title: pick(language, ['复查血脂', 'Recheck lipids']), dueDate: '2025-06-14', note: null },
    ],
  };
}
