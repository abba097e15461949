// Follow-up after abnormal results (检后随访): when a result calls for follow-up work, and which work.
// Organizations edit their own rules; the defaults below are where every organization starts. Each default names
// the guideline its threshold comes from (see shared/design/clinical.md for the values).
import { analyteByLoinc } from './analytes.ts';
import type { Flag } from './flags.ts';
import { convert, isConvertibleAnalyte, sameUnit, UnitConversionError } from './units.ts';

export type ResultFlag = Flag | 'A';
export type FollowUpKind = 'retest' | 'lifestyle' | 'referral' | 'alert';
export type FollowUpPriority = 'routine' | 'soon' | 'urgent' | 'critical';

export interface FollowUpRuleCondition {
  /** Inclusive lower bound, in the rule's unit. */
  readonly min?: number;
  /** Exclusive upper bound, in the rule's unit. */
  readonly max?: number;
  /** When given, the result's flag must be one of these. */
  readonly flags?: readonly ResultFlag[];
}

export interface FollowUpRuleSpec {
  /** LOINC code, or '*' for any item (used with flags). */
  readonly code: string;
  readonly unit?: string | null;
  readonly condition: FollowUpRuleCondition;
}

export interface ResultForRules {
  readonly code: string;
  readonly codeSystem: 'loinc' | 'local';
  readonly valueNum: number | null;
  readonly unit: string | null;
  readonly flag: ResultFlag | null;
}

/**
 * Whether a rule fires for a result. A LOINC rule matches every result of the same analyte (fasting glucose
 * reported as 14771-0 in mmol/L or as 1558-6 in mg/dL); values are converted to the rule's unit before the
 * bounds are compared. A result whose unit cannot be converted never fires a bounded rule: a wrong alert is worse
 * than a missing one, and the import lists the unit problem for review.
 */
export function followUpRuleMatches(rule: FollowUpRuleSpec, result: ResultForRules): boolean {
  if (!codeMatches(rule.code, result)) return false;
  const { min, max, flags } = rule.condition;
  if (flags && (result.flag === null || !flags.includes(result.flag))) return false;
  if (min === undefined && max === undefined) return true;
  const value = valueInRuleUnit(rule, result);
  if (value === undefined) return false;
  if (min !== undefined && value < min) return false;
  if (max !== undefined && value >= max) return false;
  return true;
}

function codeMatches(ruleCode: string, result: ResultForRules): boolean {
  if (ruleCode === '*') return true;
  if (result.codeSystem !== 'loinc') return ruleCode === result.code;
  if (ruleCode === result.code) return true;
  const ruleAnalyte = analyteByLoinc(ruleCode);
  const resultAnalyte = analyteByLoinc(result.code);
  return ruleAnalyte !== undefined && ruleAnalyte.key === resultAnalyte?.key;
}

function valueInRuleUnit(rule: FollowUpRuleSpec, result: ResultForRules): number | undefined {
  if (result.valueNum === null || !Number.isFinite(result.valueNum)) return undefined;
  const ruleUnit = rule.unit ?? null;
  if (ruleUnit === null || result.unit === null || sameUnit(ruleUnit, result.unit)) {
    return ruleUnit !== null && result.unit === null ? undefined : result.valueNum;
  }
  const analyte = analyteByLoinc(result.code) ?? analyteByLoinc(rule.code);
  if (!analyte || !isConvertibleAnalyte(analyte.key)) return undefined;
  try {
    return convert({ value: result.valueNum, unit: result.unit }, ruleUnit, analyte.key);
  } catch (error) {
    if (error instanceof UnitConversionError) return undefined;
    throw error;
  }
}

export interface DefaultFollowUpRule extends FollowUpRuleSpec {
  /** Stable key, so an organization's copy of a default is created once. */
  readonly key: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly kind: FollowUpKind;
  readonly priority: FollowUpPriority;
  readonly dueInDays: number;
  readonly department?: string;
  readonly advice: { readonly zh: string; readonly en: string };
  readonly notifyPatient: boolean;
  readonly source: string;
}

const FASTING_GLUCOSE = '14771-0';
const DIABETES_2020 =
  'Chinese Diabetes Society guideline for type 2 diabetes (2020): IFG 6.1-6.9, diabetes >= 7.0';

export const DEFAULT_FOLLOW_UP_RULES: readonly DefaultFollowUpRule[] = [
  {
    key: 'critical-value',
    code: '*',
    condition: { flags: ['HH', 'LL'] },
    name: { zh: '危急值：立即通知诊疗团队', en: 'Critical value: alert the care team now' },
    kind: 'alert',
    priority: 'critical',
    dueInDays: 0,
    advice: {
      zh: '该结果达到危急值。诊疗团队会尽快与您联系；如有不适，请立即就医或拨打 120。',
      en: 'This result is at a critical level. Your care team will contact you shortly; if you feel unwell, seek care now or call 120.',
    },
    notifyPatient: true,
    source: 'Critical value list (typical; each organization configures its own), shared/design/clinical.md',
  },
  {
    key: 'impaired-fasting-glucose',
    code: FASTING_GLUCOSE,
    unit: 'mmol/L',
    condition: { min: 6.1, max: 7.0 },
    name: { zh: '空腹血糖受损：3个月内复查', en: 'Impaired fasting glucose: retest within 3 months' },
    kind: 'retest',
    priority: 'routine',
    dueInDays: 90,
    advice: {
      zh: '空腹血糖偏高（6.1–6.9 mmol/L，属于空腹血糖受损）。建议控制饮食、规律运动、减轻体重，3个月内复查空腹血糖，必要时做糖耐量试验。',
      en: 'Your fasting glucose is raised (6.1-6.9 mmol/L, impaired fasting glucose). Eat less sugar and refined starch, exercise regularly, lose weight if overweight, and retest fasting glucose within 3 months; an oral glucose tolerance test may be advised.',
    },
    notifyPatient: true,
    source: DIABETES_2020,
  },
  {
    key: 'diabetic-fasting-glucose',
    code: FASTING_GLUCOSE,
    unit: 'mmol/L',
    condition: { min: 7.0 },
    name: {
      zh: '空腹血糖≥7.0：2周内内分泌科就诊',
      en: 'Fasting glucose >= 7.0: endocrinology within 2 weeks',
    },
    kind: 'referral',
    priority: 'soon',
    dueInDays: 14,
    department: '内分泌科',
    advice: {
      zh: '空腹血糖达到 7.0 mmol/L 或以上，可能提示糖尿病。请在 2 周内到内分泌科就诊，复查血糖和糖化血红蛋白以明确诊断。',
      en: 'A fasting glucose of 7.0 mmol/L or more may indicate diabetes. Please see an endocrinologist within 2 weeks to repeat glucose and HbA1c and confirm the diagnosis.',
    },
    notifyPatient: true,
    source: DIABETES_2020,
  },
  {
    key: 'hba1c-diabetic',
    code: '4548-4',
    unit: '%',
    condition: { min: 6.5 },
    name: { zh: '糖化血红蛋白≥6.5%：内分泌科就诊', en: 'HbA1c >= 6.5%: endocrinology referral' },
    kind: 'referral',
    priority: 'soon',
    dueInDays: 14,
    department: '内分泌科',
    advice: {
      zh: '糖化血红蛋白达到 6.5% 或以上，可能提示糖尿病。请在 2 周内到内分泌科就诊。',
      en: 'An HbA1c of 6.5% or more may indicate diabetes. Please see an endocrinologist within 2 weeks.',
    },
    notifyPatient: true,
    source: 'Chinese Diabetes Society guideline for type 2 diabetes (2020): HbA1c >= 6.5%',
  },
  {
    key: 'ldl-high',
    code: '13457-7',
    unit: 'mmol/L',
    condition: { min: 4.1 },
    name: { zh: 'LDL-C 升高：1个月内心内科评估', en: 'High LDL-C: cardiology review within a month' },
    kind: 'referral',
    priority: 'routine',
    dueInDays: 30,
    department: '心血管内科',
    advice: {
      zh: '低密度脂蛋白胆固醇升高（≥4.1 mmol/L）。建议低脂饮食、戒烟、规律运动，并在 1 个月内到心血管内科评估心血管风险，决定是否需要药物治疗。',
      en: 'Your LDL cholesterol is high (>= 4.1 mmol/L). Eat less saturated fat, stop smoking, exercise, and see a cardiologist within a month to assess your cardiovascular risk and whether you need medicine.',
    },
    notifyPatient: true,
    source: 'Chinese guideline for lipid management (2023): LDL-C high >= 4.1 mmol/L',
  },
  {
    key: 'ldl-borderline',
    code: '13457-7',
    unit: 'mmol/L',
    condition: { min: 3.4, max: 4.1 },
    name: {
      zh: 'LDL-C 边缘升高：生活方式干预，6个月复查',
      en: 'Borderline LDL-C: lifestyle, retest in 6 months',
    },
    kind: 'lifestyle',
    priority: 'routine',
    dueInDays: 180,
    advice: {
      zh: '低密度脂蛋白胆固醇边缘升高（3.4–4.0 mmol/L）。建议减少油脂和红肉摄入、增加运动，6 个月内复查血脂。',
      en: 'Your LDL cholesterol is borderline high (3.4-4.0 mmol/L). Cut down on fat and red meat, exercise more, and retest your lipids within 6 months.',
    },
    notifyPatient: true,
    source: 'Chinese guideline for lipid management (2023): LDL-C borderline 3.4-4.0 mmol/L',
  },
  {
    key: 'bp-hypertensive',
    code: '8480-6',
    unit: 'mm[Hg]',
    condition: { min: 140 },
    name: { zh: '血压≥140/90：4周内复测血压', en: 'BP >= 140/90: recheck blood pressure within 4 weeks' },
    kind: 'retest',
    priority: 'routine',
    dueInDays: 28,
    advice: {
      zh: '本次收缩压达到 140 mmHg 或以上。请在 4 周内非同日复测血压（或做家庭血压监测），确认是否患有高血压，并减少食盐摄入。',
      en: 'Your systolic blood pressure was 140 mmHg or more. Recheck it on other days within 4 weeks (or measure at home) to confirm whether you have hypertension, and cut down on salt.',
    },
    notifyPatient: true,
    source:
      'Chinese guideline for hypertension (2018 revision): office BP >= 140/90 mmHg, confirmed on separate days',
  },
  {
    key: 'bp-diastolic-hypertensive',
    code: '8462-4',
    unit: 'mm[Hg]',
    condition: { min: 90 },
    name: { zh: '舒张压≥90：4周内复测血压', en: 'Diastolic BP >= 90: recheck within 4 weeks' },
    kind: 'retest',
    priority: 'routine',
    dueInDays: 28,
    advice: {
      zh: '本次舒张压达到 90 mmHg 或以上。请在 4 周内非同日复测血压（或做家庭血压监测），确认是否患有高血压。',
      en: 'Your diastolic blood pressure was 90 mmHg or more. Recheck it on other days within 4 weeks (or measure at home) to confirm whether you have hypertension.',
    },
    notifyPatient: true,
    source:
      'Chinese guideline for hypertension (2018 revision): office BP >= 140/90 mmHg, confirmed on separate days',
  },
  {
    key: 'uric-acid-high',
    code: '3084-1',
    unit: 'umol/L',
    condition: { min: 420 },
    name: { zh: '高尿酸：3个月内复查', en: 'High uric acid: retest within 3 months' },
    kind: 'retest',
    priority: 'routine',
    dueInDays: 90,
    advice: {
      zh: '血尿酸高于 420 μmol/L。建议少吃动物内脏、海鲜，限酒（尤其啤酒），多饮水，3 个月内空腹复查血尿酸。',
      en: 'Your uric acid is above 420 umol/L. Eat less offal and seafood, limit alcohol (especially beer), drink plenty of water, and retest fasting uric acid within 3 months.',
    },
    notifyPatient: true,
    source: 'Chinese guideline for hyperuricemia and gout (2019): > 420 umol/L on two fasting tests',
  },
];
