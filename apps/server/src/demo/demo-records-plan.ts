// What the demo's health records hold, decided without I/O so it can be tested: who has which chronic conditions,
// their medicines, allergies, family history, lifestyle and visits, and two years of readings that drift the way
// treated chronic disease does (high before treatment, settling after it starts). Same seed and day, same records.
import { lookupIcd10 } from '@careloop/clinical';
import type { DemoHousehold } from './demo-data.ts';
import { ageOn, type DemoPatient } from './people.ts';
import { DemoRandom } from './random.ts';

export const RECORDS_SEED = 90_210;
const DAY = 86_400_000;
const HISTORY_DAYS = 730;
/** Readings are taken in the morning, Beijing time (UTC+8). */
const MORNING_UTC_HOUR = 7 - 8;

export type DemoCondition = 'hypertension' | 'diabetes' | 'lipids' | 'fattyLiver';

const CONDITION_CODES: Readonly<Record<DemoCondition, string>> = {
  hypertension: 'I10',
  diabetes: 'E11.9',
  lipids: 'E78.5',
  fattyLiver: 'K76.0',
};

export interface PlannedObservation {
  code: string;
  name: string;
  value: number;
  unit: string;
  at: Date;
  source: 'device' | 'self' | 'lab';
}

export interface DemoRecordPlan {
  patient: DemoPatient;
  conditions: { icd10: string; display: string; onsetDate: string }[];
  allergies: {
    substance: string;
    category: 'drug' | 'food';
    reaction: string;
    severity: 'mild' | 'moderate' | 'severe';
  }[];
  medications: {
    name: string;
    atc: string;
    dose: string;
    frequency: string;
    reason: string;
    startedOn: string;
  }[];
  procedures: { name: string; kind: 'surgery' | 'procedure' | 'imaging'; performedOn: string }[];
  familyHistory: {
    relation: 'father' | 'mother' | 'sibling';
    icd10: string;
    display: string;
    onsetAge: number;
  }[];
  lifestyle: {
    assessedAt: Date;
    smoking: 'never' | 'former' | 'current';
    cigarettesPerDay: number | null;
    alcohol: 'none' | 'occasional' | 'regular';
    activityMinutesPerWeek: number;
    diet: string;
    sleepHours: number;
  }[];
  encounters: { startedAt: Date; department: string; reason: string; summary: string }[];
  observations: PlannedObservation[];
}

// The first-line medicine a Chinese clinic starts for each condition (ATC codes, WHO).
const MEDICINES: Readonly<
  Record<DemoCondition, { name: string; atc: string; dose: string; frequency: string } | null>
> = {
  hypertension: { name: '苯磺酸氨氯地平片', atc: 'C08CA01', dose: '5 mg', frequency: '每日一次' },
  diabetes: { name: '盐酸二甲双胍片', atc: 'A10BA02', dose: '0.5 g', frequency: '每日两次' },
  lipids: { name: '阿托伐他汀钙片', atc: 'C10AA05', dose: '20 mg', frequency: '每晚一次' },
  fattyLiver: null,
};

const REASONS: Readonly<Record<DemoCondition, string>> = {
  hypertension: '高血压',
  diabetes: '2型糖尿病',
  lipids: '高脂血症',
  fattyLiver: '脂肪肝',
};

const DEPARTMENTS: Readonly<Record<DemoCondition, string>> = {
  hypertension: '心血管内科',
  diabetes: '内分泌科',
  lipids: '心血管内科',
  fattyLiver: '消化内科',
};

const gaussian = (rng: DemoRandom) => {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
};
const round = (v: number, decimals: number) => Number(v.toFixed(decimals));
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const morning = (day: number, minute: number) => {
  const d = new Date(day);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), MORNING_UTC_HOUR, minute));
};

/**
 * A treated level over time: drifting from `from` to `peak` until treatment starts, then settling towards
 * `treated` over about four months (first-order response). Without treatment it keeps the drift.
 */
function level(
  t: number,
  p: { start: number; from: number; peak: number; treatedAt: number | null; treated: number },
) {
  const end = p.treatedAt ?? p.start + HISTORY_DAYS * DAY;
  if (t <= end) return p.from + ((p.peak - p.from) * (t - p.start)) / Math.max(end - p.start, DAY);
  return p.treated + (p.peak - p.treated) * Math.exp(-(t - end) / (40 * DAY));
}

interface Person {
  patient: DemoPatient;
  conditions: DemoCondition[];
  /** Forced details for the two demo accounts, so walkthroughs can name them. */
  story?: 'zhangWei' | 'wangFang';
}

/** The demo accounts' heads (张伟, 王芳) and every third other adult over 35, with their chronic conditions. */
export function demoRecordPeople(
  households: readonly DemoHousehold[],
  today: Date,
  rng: DemoRandom,
): Person[] {
  const people: Person[] = [];
  const zhang = households[0]?.members[0]?.patient;
  const wang = households[1]?.members[0]?.patient;
  if (zhang)
    people.push({ patient: zhang, conditions: ['hypertension', 'diabetes', 'lipids'], story: 'zhangWei' });
  if (wang) people.push({ patient: wang, conditions: ['fattyLiver', 'lipids'], story: 'wangFang' });
  let n = 0;
  for (const household of households.slice(2)) {
    for (const { patient } of household.members) {
      const age = ageOn(today, patient.birthDate);
      if (age < 35 || n++ % 3 !== 0) continue;
      const conditions = (['hypertension', 'diabetes', 'lipids', 'fattyLiver'] as const).filter((c) =>
        rng.chance(
          { hypertension: 0.55, diabetes: 0.3, lipids: 0.4, fattyLiver: 0.25 }[c] + (age > 60 ? 0.1 : 0),
        ),
      );
      people.push({ patient, conditions: conditions.length ? conditions : ['hypertension'] });
    }
  }
  return people;
}

function readings(
  person: Person,
  today: Date,
  rng: DemoRandom,
  treatedAt: Partial<Record<DemoCondition, number>>,
) {
  const start = today.getTime() - HISTORY_DAYS * DAY;
  const has = (c: DemoCondition) => person.conditions.includes(c);
  const male = person.patient.sex === 'male';
  const out: PlannedObservation[] = [];
  const add = (
    code: string,
    name: string,
    unit: string,
    source: PlannedObservation['source'],
    at: Date,
    value: number,
  ) => out.push({ code, name, unit, source, at, value });
  const own = gaussian(rng);

  const bp = {
    start,
    from: has('hypertension') ? 146 + own * 4 : 117 + own * 5,
    peak: has('hypertension') ? 156 : 119,
    treatedAt: treatedAt.hypertension ?? null,
    treated: 131,
  };
  const glucose = {
    start,
    from: person.story === 'zhangWei' ? 5.7 : has('diabetes') ? 6.3 : 5.0,
    peak: has('diabetes') ? 7.6 : 5.2,
    treatedAt: treatedAt.diabetes ?? null,
    treated: 6.6,
  };
  const weightBase = (male ? 74 : 61) + own * 4 + (has('fattyLiver') ? 8 : 0);
  for (let day = start; day <= today.getTime() - DAY; day += DAY) {
    const dayIndex = Math.round((day - start) / DAY);
    if (has('hypertension') ? dayIndex % 3 === 0 : dayIndex % 14 === 0) {
      const sbp = level(day, bp) + gaussian(rng) * 6;
      const at = morning(day, rng.int(0, 40));
      add('8480-6', 'Systolic blood pressure', 'mm[Hg]', 'device', at, Math.round(sbp));
      add(
        '8462-4',
        'Diastolic blood pressure',
        'mm[Hg]',
        'device',
        at,
        Math.round(sbp * 0.6 + 8 + gaussian(rng) * 3),
      );
      add('8867-4', 'Heart rate', '/min', 'device', at, Math.round(72 + own * 4 + gaussian(rng) * 5));
    }
    if (has('diabetes') && dayIndex % 4 === 1) {
      add(
        '14771-0',
        'Fasting glucose',
        'mmol/L',
        'self',
        morning(day, rng.int(0, 30)),
        round(level(day, glucose) + gaussian(rng) * 0.45, 1),
      );
    }
    if (dayIndex % 14 === 2) {
      const drift = has('fattyLiver') ? -3 * (dayIndex / HISTORY_DAYS) : 0.5 * (dayIndex / HISTORY_DAYS);
      add(
        '29463-7',
        'Body weight',
        'kg',
        'self',
        morning(day, 45),
        round(weightBase + drift + gaussian(rng) * 0.4, 1),
      );
    }
    // Clinic labs every quarter (HbA1c) and every half year (lipids).
    const labAt = morning(day, 90);
    if (has('diabetes') && dayIndex % 91 === 30) {
      add(
        '4548-4',
        'Hemoglobin A1c',
        '%',
        'lab',
        labAt,
        round(
          level(day, { ...glucose, from: glucose.from + 0.3, peak: glucose.peak, treated: 6.8 }) +
            gaussian(rng) * 0.15,
          1,
        ),
      );
    }
    if ((has('lipids') || has('diabetes')) && dayIndex % 182 === 60) {
      const lip = {
        start,
        from: has('lipids') ? 5.9 : 4.8,
        peak: has('lipids') ? 6.4 : 4.9,
        treatedAt: treatedAt.lipids ?? null,
        treated: 4.7,
      };
      const tc = level(day, lip) + gaussian(rng) * 0.2;
      add('2093-3', 'Total cholesterol', 'mmol/L', 'lab', labAt, round(tc, 2));
      add(
        '18262-6',
        'LDL cholesterol (direct)',
        'mmol/L',
        'lab',
        labAt,
        round(tc * 0.62 + gaussian(rng) * 0.1, 2),
      );
      add(
        '2085-9',
        'HDL cholesterol',
        'mmol/L',
        'lab',
        labAt,
        round((male ? 1.1 : 1.35) + gaussian(rng) * 0.08, 2),
      );
      add(
        '2571-8',
        'Triglycerides',
        'mmol/L',
        'lab',
        labAt,
        round((has('lipids') ? 2.1 : 1.3) + gaussian(rng) * 0.25, 2),
      );
    }
  }
  return out;
}

export function planDemoRecords(
  households: readonly DemoHousehold[],
  today: Date,
  seed = RECORDS_SEED,
): DemoRecordPlan[] {
  const rng = new DemoRandom(seed);
  return demoRecordPeople(households, today, rng).map((person) => {
    const now = today.getTime();
    const age = ageOn(today, person.patient.birthDate);
    // Conditions known before the two years of readings are treated from the start; the demo accounts' stories
    // put one diagnosis inside the window so the curves show treatment working.
    const treatedAt: Partial<Record<DemoCondition, number>> = {};
    const onset: Partial<Record<DemoCondition, number>> = {};
    for (const c of person.conditions) {
      const recent = person.story ? false : rng.chance(0.35);
      onset[c] = recent ? now - rng.int(200, 500) * DAY : now - rng.int(3, Math.max(4, age - 30)) * 365 * DAY;
      if (MEDICINES[c]) treatedAt[c] = onset[c]! + rng.int(14, 60) * DAY;
    }
    // 张伟's fasting glucose rose over his last three checkups (demo-checkups.ts) until the newest one found
    // diabetes: it was diagnosed after that checkup and metformin started ten days ago.
    if (person.story === 'zhangWei') {
      onset.diabetes = now - 14 * DAY;
      treatedAt.diabetes = now - 10 * DAY;
    }

    const conditions = person.conditions.map((c) => ({
      icd10: CONDITION_CODES[c],
      display: lookupIcd10(CONDITION_CODES[c])?.zh ?? REASONS[c],
      onsetDate: isoDate(onset[c]!),
    }));
    const medications = person.conditions.flatMap((c) => {
      const m = MEDICINES[c];
      return m ? [{ ...m, reason: REASONS[c], startedOn: isoDate(treatedAt[c]!) }] : [];
    });
    const allergies: DemoRecordPlan['allergies'] = [];
    if (person.story === 'zhangWei' || rng.chance(0.2))
      allergies.push({ substance: '青霉素', category: 'drug', reaction: '皮疹、瘙痒', severity: 'moderate' });
    if (person.story === 'wangFang' || rng.chance(0.1))
      allergies.push({ substance: '海鲜', category: 'food', reaction: '荨麻疹', severity: 'mild' });
    const familyHistory: DemoRecordPlan['familyHistory'] = [];
    if (person.story || rng.chance(0.5))
      familyHistory.push({
        relation: 'father',
        icd10: 'I10',
        display: lookupIcd10('I10')?.zh ?? '高血压',
        onsetAge: rng.int(45, 62),
      });
    if (person.story === 'zhangWei' || rng.chance(0.3))
      familyHistory.push({
        relation: 'mother',
        icd10: 'E11.9',
        display: lookupIcd10('E11.9')?.zh ?? '2型糖尿病',
        onsetAge: rng.int(50, 68),
      });
    const procedures: DemoRecordPlan['procedures'] =
      rng.chance(0.25) || person.story === 'zhangWei'
        ? [{ name: '阑尾切除术', kind: 'surgery', performedOn: isoDate(now - rng.int(10, 30) * 365 * DAY) }]
        : [];
    const smoker = person.story === 'zhangWei' ? 'former' : rng.weighted({ never: 6, former: 2, current: 2 });
    const lifestyle = [1, 0].map((yearsAgo) => ({
      assessedAt: morning(now - (yearsAgo * 365 + rng.int(20, 60)) * DAY, 120),
      smoking:
        smoker === 'former' && yearsAgo === 1 && person.story === 'zhangWei' ? ('current' as const) : smoker,
      cigarettesPerDay:
        smoker === 'current' || (yearsAgo === 1 && person.story === 'zhangWei') ? rng.int(5, 20) : null,
      alcohol: rng.weighted({ none: 4, occasional: 5, regular: 1 }),
      activityMinutesPerWeek: rng.int(3, 20) * 10 + (yearsAgo === 0 ? 30 : 0),
      diet: rng.pick(['清淡，少油少盐', '偏咸，喜面食', '外卖较多', '素食为主', '规律三餐']),
      sleepHours: round(6 + rng.next() * 2, 1),
    }));
    const encounters = person.conditions.flatMap((c) =>
      [0, 1, 2].map((k) => ({
        startedAt: morning(now - (k * 180 + rng.int(10, 60)) * DAY, 150 + rng.int(0, 180)),
        department: DEPARTMENTS[c],
        reason: `${REASONS[c]}复诊`,
        summary: `${REASONS[c]}随访，病情稳定，继续当前治疗方案，定期复查。`,
      })),
    );
    return {
      patient: person.patient,
      conditions,
      allergies,
      medications,
      procedures,
      familyHistory,
      lifestyle,
      encounters,
      observations: readings(person, today, rng, treatedAt),
    };
  });
}
