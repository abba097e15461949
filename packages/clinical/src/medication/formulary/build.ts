import type { BilingualNote, DrugContraindication, FormularyDrug } from '../medication.types.ts';

// Helpers for the built-in formulary tables. Prices are plausible retail prices in CNY fen for the named package
// (demo data for the pharmacy, not a price list); every clinical figure names its source in `source`.
//
// Maximum daily doses are the adult maxima of the label named in `source`: the Chinese label (NMPA 说明书) where
// we state it, otherwise the US FDA label or the BNF. For drugs taken weekly the maximum is the weekly maximum
// divided by 7, because dailyDose averages a weekly dose over the week. Null where the label sets no fixed
// maximum (insulin, warfarin, corticosteroids: dosed to effect).

type DrugInput = Omit<FormularyDrug, 'route' | 'contraindications' | 'pregnancy' | 'lactation'> &
  Partial<Pick<FormularyDrug, 'route' | 'contraindications' | 'pregnancy' | 'lactation'>>;

export const drug = (x: DrugInput): FormularyDrug => ({
  route: 'oral',
  contraindications: [],
  pregnancy: null,
  lactation: null,
  ...x,
});

export const ci = (
  icd10Prefixes: string[],
  zh: string,
  en: string,
  level?: 'critical' | 'warning',
): DrugContraindication => (level ? { icd10Prefixes, zh, en, level } : { icd10Prefixes, zh, en });

export const note = (zh: string, en: string, contraindicated = false): BilingualNote =>
  contraindicated ? { zh, en, contraindicated } : { zh, en };

// Contraindications shared by classes (ICD-10 WHO 2019 codes).
export const CI = {
  severeRenal: (zh = '重度肾功能不全禁用', en = 'Contraindicated in severe renal impairment') =>
    ci(['N18.4', 'N18.5', 'N17', 'N19'], zh, en),
  severeHepatic: (zh = '重度肝功能不全禁用', en = 'Contraindicated in severe hepatic impairment') =>
    ci(['K72', 'K70.4', 'K74'], zh, en),
  activeLiver: ci(
    ['K70', 'K71', 'K72', 'K73', 'K74', 'K75', 'B15', 'B16', 'B17'],
    '活动性肝病或不明原因转氨酶持续升高者禁用',
    'Contraindicated in active liver disease or unexplained persistent transaminase rises',
  ),
  pepticUlcerBleeding: ci(
    ['K25', 'K26', 'K27', 'K28', 'K92.0', 'K92.1', 'K92.2'],
    '活动性消化性溃疡或消化道出血者禁用',
    'Contraindicated in active peptic ulcer or gastrointestinal bleeding',
  ),
  intracranialBleed: ci(
    ['I60', 'I61', 'I62'],
    '颅内出血者禁用',
    'Contraindicated after intracranial haemorrhage',
  ),
  severeHeartFailure: ci(['I50'], '重度心力衰竭禁用', 'Contraindicated in severe heart failure'),
  avBlock: ci(
    ['I44.1', 'I44.2', 'I49.5'],
    '二、三度房室传导阻滞或病态窦房结综合征（未植入起搏器）禁用',
    'Contraindicated in second- or third-degree AV block or sick sinus syndrome without a pacemaker',
  ),
  cardiogenicShock: ci(['R57.0'], '心源性休克禁用', 'Contraindicated in cardiogenic shock'),
  asthma: (level?: 'critical' | 'warning') =>
    ci(
      ['J45', 'J46'],
      level === 'warning' ? '哮喘患者慎用' : '支气管哮喘禁用',
      level === 'warning' ? 'Use with caution in asthma' : 'Contraindicated in asthma',
      level,
    ),
  hyperkalaemia: ci(['E87.5'], '高钾血症禁用', 'Contraindicated in hyperkalaemia'),
  angioedema: ci(
    ['T78.3', 'D84.1'],
    '有血管性水肿病史者禁用',
    'Contraindicated with a history of angioedema',
  ),
  anuria: ci(['R34'], '无尿者禁用', 'Contraindicated in anuria'),
  qtProlongation: (level?: 'critical' | 'warning') =>
    ci(
      ['I45.8', 'R94.3'],
      level === 'warning' ? 'QT间期延长者慎用' : 'QT间期延长者禁用',
      level === 'warning' ? 'Use with caution with QT prolongation' : 'Contraindicated with QT prolongation',
      level,
    ),
  myasthenia: ci(['G70.0'], '重症肌无力患者禁用', 'Contraindicated in myasthenia gravis'),
  g6pd: (level?: 'critical' | 'warning') =>
    ci(
      ['D55.0'],
      level === 'warning' ? 'G6PD缺乏者慎用（溶血）' : 'G6PD缺乏者禁用（溶血）',
      level === 'warning'
        ? 'Caution in G6PD deficiency (haemolysis)'
        : 'Contraindicated in G6PD deficiency (haemolysis)',
      level,
    ),
  angleClosure: ci(['H40.2'], '闭角型青光眼禁用', 'Contraindicated in angle-closure glaucoma'),
  sleepApnoea: ci(['G47.3'], '睡眠呼吸暂停综合征禁用', 'Contraindicated in sleep apnoea syndrome'),
  respiratoryFailure: ci(
    ['J96'],
    '严重呼吸功能不全禁用',
    'Contraindicated in severe respiratory insufficiency',
  ),
  type1OrKetoacidosis: ci(
    ['E10', 'E11.1', 'E13.1', 'E14.1'],
    '1型糖尿病或糖尿病酮症酸中毒禁用',
    'Contraindicated in type 1 diabetes or diabetic ketoacidosis',
  ),
  intestinalObstruction: ci(['K56'], '肠梗阻禁用', 'Contraindicated in intestinal obstruction'),
  epilepsy: (level?: 'critical' | 'warning') =>
    ci(
      ['G40', 'G41'],
      level === 'warning' ? '癫痫患者慎用（降低惊厥阈值）' : '癫痫患者禁用',
      level === 'warning'
        ? 'Use with caution in epilepsy (lowers the seizure threshold)'
        : 'Contraindicated in epilepsy',
      level,
    ),
};

// Pregnancy and lactation notes shared by classes.
export const PREG = {
  ras: note(
    '妊娠期禁用（中晚期可致胎儿肾损害、羊水过少、死亡）',
    'Contraindicated in pregnancy (fetal renal damage, oligohydramnios and death in the 2nd and 3rd trimesters)',
    true,
  ),
  statin: note('妊娠期禁用', 'Contraindicated in pregnancy', true),
  warfarin: note(
    '妊娠期禁用（致畸、胎儿出血）',
    'Contraindicated in pregnancy (embryopathy, fetal bleeding)',
    true,
  ),
  nsaidLate: note(
    '妊娠晚期（30周后）禁用（动脉导管早闭）；早中期尽量避免',
    'Contraindicated from 30 weeks (premature closure of the ductus arteriosus); avoid earlier if possible',
    true,
  ),
  quinolone: note('妊娠期禁用', 'Contraindicated in pregnancy', true),
  tetracycline: note(
    '妊娠期禁用（牙齿着色、骨骼发育）',
    'Contraindicated in pregnancy (teeth and bone)',
    true,
  ),
  avoid: note('妊娠期避免使用，除非获益大于风险', 'Avoid in pregnancy unless the benefit outweighs the risk'),
  caution: note('妊娠期慎用，权衡利弊', 'Use in pregnancy only if clearly needed'),
  insulin: note(
    '妊娠期可用，需密切监测血糖并调整剂量',
    'Can be used in pregnancy with close glucose monitoring',
  ),
  oralHypoglycaemic: note('妊娠期不推荐，改用胰岛素', 'Not recommended in pregnancy; insulin is preferred'),
  betaLactam: note(
    '妊娠期可使用（动物研究未见致畸）',
    'Can be used in pregnancy (no teratogenicity in studies)',
  ),
};

export const LACT = {
  avoid: note('哺乳期避免使用或暂停哺乳', 'Avoid while breastfeeding or stop breastfeeding'),
  contraindicated: note('哺乳期禁用', 'Contraindicated while breastfeeding', true),
  caution: note('哺乳期慎用，观察婴儿反应', 'Use with caution while breastfeeding; watch the infant'),
  compatible: note('哺乳期可用（乳汁中含量低）', 'Compatible with breastfeeding (low amounts in milk)'),
};

// Contraindications shared by drug classes.
export const DHP_CI = [
  CI.cardiogenicShock,
  ci(['I35.0', 'I35.2'], '重度主动脉瓣狭窄慎用', 'Use with caution in severe aortic stenosis', 'warning'),
];
export const ACEI_CI = [
  CI.angioedema,
  CI.hyperkalaemia,
  ci(['I70.1', 'I15.0'], '双侧肾动脉狭窄禁用', 'Contraindicated in bilateral renal artery stenosis'),
];
export const ARB_CI = [
  CI.hyperkalaemia,
  ci(['I70.1', 'I15.0'], '双侧肾动脉狭窄禁用', 'Contraindicated in bilateral renal artery stenosis'),
];
export const BB_CI = [
  CI.avBlock,
  CI.cardiogenicShock,
  ci(['R00.1'], '严重心动过缓禁用', 'Contraindicated in severe bradycardia'),
];
export const THIAZIDE_CI = [
  CI.anuria,
  ci(
    ['E87.1', 'E87.6'],
    '低钠、低钾血症慎用',
    'Use with caution in hyponatraemia or hypokalaemia',
    'warning',
  ),
  ci(['M10', 'E79.0'], '痛风、高尿酸血症慎用', 'Use with caution in gout or hyperuricaemia', 'warning'),
];
export const METFORMIN_CI = [
  CI.severeRenal(
    'eGFR<30 mL/min/1.73m²（CKD 4-5期）禁用',
    'Contraindicated with eGFR below 30 mL/min/1.73 m² (CKD stage 4-5)',
  ),
  ci(['N18.3'], 'eGFR 30-45 时不宜起始，需减量', 'Do not start at eGFR 30-45; reduce the dose', 'warning'),
  ci(
    ['E87.2', 'E10.1', 'E11.1', 'E13.1', 'E14.1'],
    '代谢性酸中毒（含糖尿病酮症酸中毒）禁用',
    'Contraindicated in metabolic acidosis, including diabetic ketoacidosis',
  ),
  ci(['K72'], '肝功能衰竭禁用', 'Contraindicated in hepatic failure'),
  ci(
    ['F10.2'],
    '酗酒者慎用（乳酸酸中毒风险）',
    'Use with caution with alcohol dependence (lactic acidosis)',
    'warning',
  ),
];
export const SU_CI = [CI.type1OrKetoacidosis, CI.severeRenal(), CI.severeHepatic()];
export const DPP4_CI = [CI.type1OrKetoacidosis];
export const SGLT2_CI = [
  CI.type1OrKetoacidosis,
  ci(['N18.5', 'Z99.2'], '透析患者禁用', 'Contraindicated in patients on dialysis'),
];
export const GLP1_CI = [
  ci(
    ['C73', 'E31.2'],
    '甲状腺髓样癌个人或家族史、多发性内分泌腺瘤病2型禁用',
    'Contraindicated with a personal or family history of medullary thyroid carcinoma or MEN 2',
  ),
  ci(['K85', 'K86.1'], '胰腺炎病史慎用', 'Use with caution with a history of pancreatitis', 'warning'),
  CI.type1OrKetoacidosis,
];
export const AGI_CI = [
  ci(
    ['K50', 'K51', 'K58'],
    '炎症性肠病等慢性肠道疾病禁用',
    'Contraindicated in inflammatory bowel disease and chronic intestinal disorders',
  ),
  CI.intestinalObstruction,
  CI.severeRenal(
    '严重肾功能损害（肌酐清除率<25 mL/min）禁用',
    'Contraindicated in severe renal impairment (creatinine clearance <25 mL/min)',
  ),
];
export const STATIN_CI = [
  CI.activeLiver,
  ci(['G72', 'M60.8', 'M62.8'], '肌病患者慎用', 'Use with caution in myopathy', 'warning'),
];
export const INSULIN_CI = [
  ci(['E16.0', 'E16.1', 'E16.2'], '低血糖发作时禁用', 'Contraindicated during hypoglycaemia'),
];
export const BLEEDING = [CI.pepticUlcerBleeding, CI.intracranialBleed];

export const QUINOLONE_CI = [
  CI.myasthenia,
  CI.epilepsy('warning'),
  CI.qtProlongation('warning'),
  ci(
    ['I71', 'I72'],
    '主动脉瘤或夹层风险者慎用',
    'Use with caution with aortic aneurysm or dissection risk',
    'warning',
  ),
];
export const MACROLIDE_CI = [CI.qtProlongation('warning')];
