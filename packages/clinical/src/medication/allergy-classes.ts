// Allergy classes: free-text allergy substances in Chinese and English, mapped to the ingredients and ATC classes
// they rule out, with the known cross-reactions between classes. The record keeps allergies as free text
// ('青霉素', 'penicillin', '头孢类', 'sulfa'), so a term matches when it appears anywhere in the substance.

export interface AllergyCrossReaction {
  atcPrefixes: string[];
  ingredients?: string[];
  level: 'critical' | 'warning';
  zh: string;
  en: string;
  source: string;
}

export interface AllergyClass {
  id: string;
  labelZh: string;
  labelEn: string;
  /** Lower-case terms, Chinese and English; matched as substrings of the normalised allergy text. */
  terms: string[];
  atcPrefixes: string[];
  ingredients: string[];
  cross: AllergyCrossReaction[];
  source: string;
}

export const ALLERGY_SOURCES = {
  betaLactam:
    '国家卫生健康委《β内酰胺类抗菌药物皮肤试验指导原则（2021年版）》; Khan DA et al., Drug allergy: a 2022 practice ' +
    'parameter update, J Allergy Clin Immunol 2022;150:1333-1393 (penicillin-cephalosporin cross-reactivity about ' +
    '1-2%, mostly through similar R1 side chains; carbapenems under 1%)',
  sulfonamide:
    'Strom BL et al., Absence of cross-reactivity between sulfonamide antibiotics and sulfonamide nonantibiotics, ' +
    'N Engl J Med 2003;349:1628-1635; celecoxib label (NMPA 西乐葆说明书, FDA Celebrex label): contraindicated in ' +
    'sulfonamide allergy',
  nsaid:
    'Kowalski ML et al., Classification and practical approach to the diagnosis and management of hypersensitivity ' +
    'to NSAIDs (EAACI/ENDA), Allergy 2013;68:1219-1232; NSAID labels: 对阿司匹林或其他非甾体抗炎药过敏者禁用',
  labels: 'Drug labels (NMPA 说明书): 对本品及同类药物过敏者禁用',
  contrast: 'ACR Manual on Contrast Media 2023; 中华医学会放射学分会《碘对比剂使用指南（第2版）》2013',
} as const;

const PENICILLINS = ['J01CA', 'J01CE', 'J01CF', 'J01CR'];
const CEPHALOSPORINS = ['J01DB', 'J01DC', 'J01DD', 'J01DE'];
const CARBAPENEMS = ['J01DH'];

export const ALLERGY_CLASSES: readonly AllergyClass[] = [
  {
    id: 'penicillin',
    labelZh: '青霉素类',
    labelEn: 'penicillins',
    terms: ['青霉素', '盘尼西林', 'penicillin', 'penicilin', 'pcn'],
    atcPrefixes: PENICILLINS,
    ingredients: [],
    cross: [
      {
        atcPrefixes: CEPHALOSPORINS,
        level: 'warning',
        zh: '青霉素过敏者使用头孢菌素存在交叉过敏风险（约1%~2%，侧链相似者更高），用前评估过敏史。',
        en: 'Cross-reactivity with cephalosporins in penicillin allergy (about 1-2%, higher with similar side chains); review the allergy history first.',
        source: ALLERGY_SOURCES.betaLactam,
      },
      {
        atcPrefixes: CARBAPENEMS,
        level: 'warning',
        zh: '青霉素过敏者使用碳青霉烯类交叉过敏风险低（<1%），仍需评估。',
        en: 'Low cross-reactivity (<1%) with carbapenems in penicillin allergy; review before use.',
        source: ALLERGY_SOURCES.betaLactam,
      },
    ],
    source: ALLERGY_SOURCES.betaLactam,
  },
  {
    id: 'cephalosporin',
    labelZh: '头孢菌素类',
    labelEn: 'cephalosporins',
    terms: ['头孢', '先锋霉素', 'cephalosporin', 'cefalosporin', 'ceph'],
    atcPrefixes: CEPHALOSPORINS,
    ingredients: [],
    cross: [
      {
        atcPrefixes: PENICILLINS,
        level: 'warning',
        zh: '头孢菌素过敏者使用青霉素类存在交叉过敏风险，用前评估过敏史。',
        en: 'Cross-reactivity with penicillins in cephalosporin allergy; review the allergy history first.',
        source: ALLERGY_SOURCES.betaLactam,
      },
    ],
    source: ALLERGY_SOURCES.betaLactam,
  },
  {
    id: 'carbapenem',
    labelZh: '碳青霉烯类',
    labelEn: 'carbapenems',
    terms: ['碳青霉烯', '培南', 'carbapenem', 'penem'],
    atcPrefixes: CARBAPENEMS,
    ingredients: [],
    cross: [],
    source: ALLERGY_SOURCES.betaLactam,
  },
  {
    id: 'beta_lactam',
    labelZh: 'β-内酰胺类',
    labelEn: 'beta-lactams',
    terms: ['β-内酰胺', 'β内酰胺', 'beta-lactam', 'beta lactam', 'β-lactam', 'b-lactam'],
    atcPrefixes: ['J01C', 'J01D'],
    ingredients: [],
    cross: [],
    source: ALLERGY_SOURCES.betaLactam,
  },
  {
    id: 'sulfonamide',
    labelZh: '磺胺类',
    labelEn: 'sulfonamides',
    terms: [
      '磺胺',
      '新诺明',
      'sulfa',
      'sulpha',
      'sulfonamide',
      'sulphonamide',
      'smz',
      'co-trimoxazole',
      'cotrimoxazole',
    ],
    atcPrefixes: ['J01E'],
    ingredients: ['celecoxib'],
    cross: [],
    source: ALLERGY_SOURCES.sulfonamide,
  },
  {
    id: 'aspirin',
    labelZh: '阿司匹林',
    labelEn: 'aspirin',
    terms: ['阿司匹林', '乙酰水杨酸', 'aspirin', 'acetylsalicylic', 'asa'],
    atcPrefixes: [],
    ingredients: ['aspirin'],
    cross: [
      {
        atcPrefixes: ['M01A'],
        level: 'critical',
        zh: '阿司匹林过敏（含阿司匹林诱发哮喘、荨麻疹）者禁用其他非甾体抗炎药（说明书）。',
        en: 'Other NSAIDs are contraindicated after aspirin hypersensitivity (asthma, urticaria) per their labels.',
        source: ALLERGY_SOURCES.nsaid,
      },
    ],
    source: ALLERGY_SOURCES.nsaid,
  },
  {
    id: 'nsaid',
    labelZh: '非甾体抗炎药',
    labelEn: 'NSAIDs',
    terms: ['非甾体', '非甾类', 'nsaid', 'nsaids', 'anti-inflammatory', '解热镇痛'],
    atcPrefixes: ['M01A'],
    ingredients: ['aspirin'],
    cross: [],
    source: ALLERGY_SOURCES.nsaid,
  },
  {
    id: 'quinolone',
    labelZh: '喹诺酮类',
    labelEn: 'quinolones',
    terms: ['喹诺酮', '沙星', 'quinolone', 'fluoroquinolone'],
    atcPrefixes: ['J01M'],
    ingredients: [],
    cross: [],
    source: ALLERGY_SOURCES.labels,
  },
  {
    id: 'macrolide',
    labelZh: '大环内酯类',
    labelEn: 'macrolides',
    terms: ['大环内酯', 'macrolide'],
    atcPrefixes: ['J01FA'],
    ingredients: [],
    cross: [],
    source: ALLERGY_SOURCES.labels,
  },
  {
    id: 'tetracycline',
    labelZh: '四环素类',
    labelEn: 'tetracyclines',
    terms: ['四环素', 'tetracycline'],
    atcPrefixes: ['J01AA'],
    ingredients: [],
    cross: [],
    source: ALLERGY_SOURCES.labels,
  },
  {
    id: 'ace_inhibitor',
    labelZh: '血管紧张素转换酶抑制剂（普利类）',
    labelEn: 'ACE inhibitors',
    terms: ['普利', 'ace inhibitor', 'acei', 'ace-i', '血管紧张素转换酶抑制剂'],
    atcPrefixes: ['C09A', 'C09B'],
    ingredients: ['sacubitril'],
    cross: [],
    source: ALLERGY_SOURCES.labels + '; ACE inhibitor and sacubitril/valsartan labels: history of angioedema',
  },
  {
    id: 'statin',
    labelZh: '他汀类',
    labelEn: 'statins',
    terms: ['他汀', 'statin'],
    atcPrefixes: ['C10AA'],
    ingredients: [],
    cross: [],
    source: ALLERGY_SOURCES.labels,
  },
  {
    id: 'opioid',
    labelZh: '阿片类',
    labelEn: 'opioids',
    terms: ['阿片', 'opioid', 'opiate'],
    atcPrefixes: ['N02A'],
    ingredients: ['codeine'],
    cross: [],
    source: ALLERGY_SOURCES.labels,
  },
  {
    id: 'iodinated_contrast',
    labelZh: '碘对比剂',
    labelEn: 'iodinated contrast media',
    terms: ['碘造影', '碘对比', '造影剂', '对比剂', 'contrast'],
    atcPrefixes: ['V08A'],
    ingredients: [],
    cross: [],
    source: ALLERGY_SOURCES.contrast,
  },
];
