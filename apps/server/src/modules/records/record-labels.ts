import type { Language } from '../../platform/http/language.ts';

// Words the server puts into text it writes for people (timeline titles, the export PDF), in both languages.
// Screens translate enum values themselves; these are for text the server composes.

type Pair = readonly [zh: string, en: string];
type Table = Readonly<Record<string, Pair>>;

const CONDITION_STATUS: Table = {
  active: ['活动期', 'active'],
  recurrence: ['复发', 'recurrence'],
  remission: ['缓解', 'in remission'],
  resolved: ['已痊愈', 'resolved'],
  inactive: ['非活动', 'inactive'],
};

const SEVERITY: Table = {
  mild: ['轻度', 'mild'],
  moderate: ['中度', 'moderate'],
  severe: ['重度', 'severe'],
  unknown: ['严重程度不详', 'severity unknown'],
};

const STATUS: Table = {
  active: ['在用', 'active'],
  inactive: ['非活动', 'inactive'],
  resolved: ['已消除', 'resolved'],
  stopped: ['已停用', 'stopped'],
  completed: ['已完成', 'completed'],
  on_hold: ['暂停', 'on hold'],
};

const RELATION: Table = {
  father: ['父亲', 'father'],
  mother: ['母亲', 'mother'],
  sibling: ['兄弟姐妹', 'sibling'],
  child: ['子女', 'child'],
  grandparent: ['祖父母/外祖父母', 'grandparent'],
  other: ['其他亲属', 'other relative'],
};

const PROCEDURE_KIND: Table = {
  surgery: ['手术', 'surgery'],
  procedure: ['操作', 'procedure'],
  imaging: ['影像检查', 'imaging'],
  other: ['其他', 'other'],
};

const ENCOUNTER_KIND: Table = {
  outpatient: ['门诊', 'Outpatient visit'],
  inpatient: ['住院', 'Inpatient stay'],
  emergency: ['急诊', 'Emergency visit'],
  checkup: ['体检', 'Checkup visit'],
  telehealth: ['线上问诊', 'Telehealth consultation'],
  home_visit: ['家访', 'Home visit'],
  other: ['就诊', 'Visit'],
};

const DOCUMENT_KIND: Table = {
  lab_report: ['检验报告', 'lab report'],
  checkup_report: ['体检报告', 'checkup report'],
  imaging: ['影像报告', 'imaging report'],
  discharge_summary: ['出院小结', 'discharge summary'],
  prescription: ['处方', 'prescription'],
  photo: ['照片', 'photo'],
  other: ['其他文档', 'other document'],
};

const SMOKING: Table = {
  never: ['从不吸烟', 'never smoked'],
  former: ['已戒烟', 'former smoker'],
  current: ['吸烟', 'smokes'],
};

const ALCOHOL: Table = {
  none: ['不饮酒', 'no alcohol'],
  occasional: ['偶尔饮酒', 'occasional alcohol'],
  regular: ['经常饮酒', 'regular alcohol'],
  heavy: ['大量饮酒', 'heavy alcohol'],
};

const PHRASES = {
  allergy: ['过敏', 'Allergy'],
  familyHistory: ['家族史', 'Family history'],
  lifestyle: ['生活方式评估', 'Lifestyle assessment'],
  checkup: ['体检报告', 'Checkup report'],
  medication: ['用药', 'Medication'],
  abnormalOf: ['异常 {a}/{n} 项', '{a} of {n} items abnormal'],
  allNormal: ['{n} 项均正常', 'all {n} items normal'],
  onsetAge: ['{n} 岁发病', 'onset at {n}'],
  cigarettes: ['每天 {n} 支', '{n} a day'],
  activity: ['运动 {n} 分钟/周', '{n} min activity a week'],
  sleep: ['睡眠 {n} 小时', '{n} h sleep'],
  smokingAspect: ['吸烟', 'Smoking'],
  alcoholAspect: ['饮酒', 'Alcohol'],
  activityAspect: ['运动', 'Physical activity'],
  dietAspect: ['饮食', 'Diet'],
  sleepAspect: ['睡眠', 'Sleep'],
  colon: ['：', ': '],
  separator: ['，', ', '],
} as const satisfies Readonly<Record<string, Pair>>;

const TABLES = {
  conditionStatus: CONDITION_STATUS,
  severity: SEVERITY,
  status: STATUS,
  relation: RELATION,
  procedureKind: PROCEDURE_KIND,
  encounterKind: ENCOUNTER_KIND,
  documentKind: DOCUMENT_KIND,
  smoking: SMOKING,
  alcohol: ALCOHOL,
};

export type LabelTable = keyof typeof TABLES;

export interface RecordLabels {
  /** A value of an enumeration in words; the value itself when the table does not know it. */
  value(table: LabelTable, value: string | null | undefined): string | null;
  phrase(key: keyof typeof PHRASES, values?: Record<string, string | number>): string;
  /** Joins the non-empty parts with the language's list separator. */
  list(parts: readonly (string | null | undefined | false)[]): string | null;
}

export function recordLabels(language: Language): RecordLabels {
  const pick = (pair: Pair) => (language === 'zh-CN' ? pair[0] : pair[1]);
  return {
    value(table, value) {
      if (value === null || value === undefined) return null;
      const pair = TABLES[table][value];
      return pair ? pick(pair) : value;
    },
    phrase(key, values = {}) {
      return pick(PHRASES[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
    },
    list(parts) {
      const kept = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
      return kept.length ? kept.join(pick(PHRASES.separator)) : null;
    },
  };
}

/** UCUM units as people read them. */
export function displayUnit(unit: string | null, language: Language): string | null {
  if (unit === null) return null;
  if (unit === 'mm[Hg]') return 'mmHg';
  if (unit === '10*9/L') return '×10⁹/L';
  if (unit === '10*12/L') return '×10¹²/L';
  if (unit === '/min') return language === 'zh-CN' ? '次/分' : 'bpm';
  return unit;
}
