import { pick } from './checkup-summary.sample.ts';
import type { PdfLanguage, Provenance, RecordExportView } from './types.ts';

// A realistic record export in both languages, for the tests and for previewing the layout. The patient is fictional.

export function sampleRecordExportView(
  language: PdfLanguage,
  options: { observationsPerItem?: number } = {},
): RecordExportView {
  const t = (zh: string, en: string) => pick(language, [zh, en]);
  const hospital = t('北京协和医院', 'Peking Union Medical College Hospital');
  const drLi: Provenance = { source: 'clinician', recordedBy: t('李医生', 'Dr Li'), organization: hospital };
  const self: Provenance = { source: 'self', recordedBy: t('王建国', 'Wang Jianguo'), organization: null };
  const lab: Provenance = {
    source: 'lab',
    recordedBy: null,
    organization: t('协和检验科', 'PUMCH laboratory'),
  };
  const checkup: Provenance = {
    source: 'checkup',
    recordedBy: null,
    organization: t('健康管理中心', 'Health Management Centre'),
  };
  const device: Provenance = {
    source: 'device',
    recordedBy: null,
    organization: t('家用血压计', 'Home BP monitor'),
  };
  const perItem = options.observationsPerItem ?? 4;
  const series = (start: number, step: number, days: number, provenance: Provenance, flagAbove: number) =>
    Array.from({ length: perItem }, (_, i) => {
      const value = start + step * i;
      return {
        effectiveAt: new Date(Date.UTC(2024, 0, 5) + i * days * 86_400_000),
        result: value.toFixed(1),
        flag: value > flagAbove ? ('H' as const) : ('N' as const),
        ...provenance,
      };
    });
  return {
    language,
    organizationName: hospital,
    generatedAt: new Date('2025-03-18T02:30:00Z'),
    timeZone: 'Asia/Shanghai',
    patient: {
      name: t('王建国', 'Wang Jianguo'),
      sex: 'male',
      age: 52,
      maskedId: '110***********1234',
      birthDate: '1972-08-09',
    },
    conditions: [
      {
        icd10: 'E11.9',
        name: t('2型糖尿病', 'Type 2 diabetes mellitus'),
        status: 'active',
        onsetDate: '2021-06-01',
        ...drLi,
      },
      {
        icd10: 'I10',
        name: t('原发性高血压', 'Essential hypertension'),
        status: 'active',
        onsetDate: '2018-03-15',
        ...drLi,
      },
      { icd10: 'K76.0', name: t('脂肪肝', 'Fatty liver'), status: 'remission', onsetDate: null, ...checkup },
    ],
    allergies: [
      {
        substance: t('青霉素', 'Penicillin'),
        reaction: t('皮疹、瘙痒', 'Rash, itching'),
        severity: 'moderate',
        ...drLi,
      },
      { substance: t('海鲜', 'Shellfish'), reaction: null, severity: 'unknown', ...self },
    ],
    medications: [
      {
        name: t('二甲双胍缓释片', 'Metformin XR'),
        dose: '500 mg',
        frequency: t('每日两次', 'twice daily'),
        status: 'active',
        startedOn: '2021-06-10',
        ...drLi,
      },
      {
        name: t('氨氯地平片', 'Amlodipine'),
        dose: '5 mg',
        frequency: t('每日一次', 'once daily'),
        status: 'active',
        startedOn: '2018-03-20',
        ...drLi,
      },
    ],
    procedures: [
      { name: t('阑尾切除术', 'Appendectomy'), code: '47.09', performedOn: '1995-07-12', ...self },
      { name: t('胃镜检查', 'Gastroscopy'), code: null, performedOn: '2023-11-02', ...drLi },
    ],
    familyHistory: [
      { relation: 'father', condition: t('2型糖尿病', 'Type 2 diabetes'), onsetAge: 55, ...self },
      { relation: 'mother', condition: t('脑卒中', 'Stroke'), onsetAge: 68, ...self },
    ],
    lifestyle: [
      { aspect: t('吸烟', 'Smoking'), value: t('已戒烟（2019 年）', 'Former smoker (quit 2019)'), ...self },
      { aspect: t('饮酒', 'Alcohol'), value: t('偶尔', 'Occasional'), ...self },
      { aspect: t('运动', 'Exercise'), value: t('每周约 90 分钟', 'About 90 minutes a week'), ...drLi },
    ],
    encounters: [
      {
        startedAt: new Date('2024-11-20T01:30:00Z'),
        kind: 'outpatient',
        department: t('内分泌科', 'Endocrinology'),
        summary: t('血糖控制欠佳，调整二甲双胍剂量。', 'Glucose poorly controlled; metformin dose adjusted.'),
        ...drLi,
      },
      {
        startedAt: new Date('2025-03-14T00:00:00Z'),
        kind: 'checkup',
        department: t('健康管理中心', 'Health Management Centre'),
        summary: null,
        ...checkup,
      },
    ],
    observations: [
      {
        name: t('空腹血糖', 'Fasting glucose'),
        unit: 'mmol/L',
        referenceRange: '3.9-6.1',
        values: series(6.2, 0.3, 60, lab, 6.1),
      },
      {
        name: t('收缩压', 'Systolic blood pressure'),
        unit: 'mmHg',
        referenceRange: '90-139',
        values: series(128, 4, 7, device, 139),
      },
    ],
    documents: [
      { title: t('2025 年度体检报告', '2025 annual checkup report'), date: '2025-03-14', ...checkup },
      { title: t('胃镜检查报告', 'Gastroscopy report'), date: '2023-11-02', ...drLi },
    ],
    checkups: [
      {
        date: '2025-03-14',
        reportNo: 'TJ20250314-0087',
        centre: t('健康管理中心', 'Health Management Centre'),
        abnormalCount: 9,
      },
      {
        date: '2024-05-20',
        reportNo: 'TJ20240520-0112',
        centre: t('健康管理中心', 'Health Management Centre'),
        abnormalCount: 6,
      },
    ],
  };
}
