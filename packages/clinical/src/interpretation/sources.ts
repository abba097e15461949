// Documents the explanations cite and were checked against. Numbers quoted in the texts are the ones in
// shared/design/clinical.md, which in turn cites these documents.

export const CDS_2020 = '中国2型糖尿病防治指南（2020年版），中华医学会糖尿病学分会';
export const LIPID_2023 = '中国血脂管理指南（2023年）';
export const HYPERTENSION_2018 = '中国高血压防治指南（2018年修订版）';
export const GOUT_2019 = '中国高尿酸血症与痛风诊疗指南（2019），中华医学会内分泌学分会';
export const KDIGO_2012 =
  'KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease';
export const WS_T_404_1 = 'WS/T 404.1-2012 临床常用生化检验项目参考区间 第1部分：ALT、AST、ALP和GGT';
export const WS_T_404_3 = 'WS/T 404.3-2012 临床常用生化检验项目参考区间 第3部分：血清钾、钠、氯';
export const WS_T_404_5 = 'WS/T 404.5-2015 临床常用生化检验项目参考区间 第5部分：血清尿素、肌酐';
export const WS_T_405 = 'WS/T 405-2012 血细胞分析参考区间';
export const WS_T_428 = 'WS/T 428-2013 成人体重判定';
export const NAFLD_2018 = '非酒精性脂肪性肝病防治指南（2018年更新版），中华医学会肝病学分会';
export const OSTEOPOROSIS_2022 = '原发性骨质疏松症诊疗指南（2022），中华医学会骨质疏松和骨矿盐疾病分会';
export const DIAGNOSTICS_9 = '《诊断学》第9版，人民卫生出版社，2018';
export const WHO_ANAEMIA_2011 =
  'WHO. Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity. 2011';
export const WHO_OBESITY_2000 =
  'WHO Technical Report Series 894: Obesity: preventing and managing the global epidemic. 2000';
/** Shown to patients, so it names what the limits are, not where the code keeps them. */
export const CRITICAL_VALUES =
  '医疗机构危急值报告制度（各机构自定危急值界限）/ Critical value limits set by each hospital';

/** The date the texts were last checked against their sources. */
export const REVIEWED_ON = '2026-11-23';

/** The review record of a text checked against the given documents. */
export function reviewedAgainst(...documents: readonly string[]): {
  readonly checkedAgainst: readonly string[];
  readonly on: string;
} {
  return { checkedAgainst: [...documents, 'shared/design/clinical.md'], on: REVIEWED_ON };
}
