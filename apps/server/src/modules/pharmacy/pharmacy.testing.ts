import { expect } from 'vitest';
import type { FormularyDrugInput } from '@careloop/contracts';
import { createStaff, signIn, type Client } from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { RecordWorld } from '../records/records.testing.ts';

const base = {
  route: 'oral' as const,
  contraindications: [],
  pregnancy: null,
  lactation: null,
  source: '药品说明书 (NMPA label)',
  active: true,
};

/** A small formulary with the drugs the tests prescribe (figures from the Chinese labels). */
export const TEST_DRUGS: Record<string, FormularyDrugInput> = {
  amoxicillin: {
    ...base,
    code: 'amoxicillin-500mg-cap',
    genericZh: '阿莫西林胶囊',
    genericEn: 'Amoxicillin capsules',
    brandZh: '阿莫仙',
    brandEn: 'Amoxil',
    ingredients: ['amoxicillin'],
    atc: 'J01CA04',
    form: 'capsule',
    strength: { value: 500, unit: 'mg' },
    packageSize: 24,
    packageUnit: '粒',
    priceCents: 1250,
    maxDailyDose: { value: 4000, unit: 'mg' },
  },
  clarithromycin: {
    ...base,
    code: 'clarithromycin-250mg-tab',
    genericZh: '克拉霉素片',
    genericEn: 'Clarithromycin tablets',
    brandZh: '克拉仙',
    brandEn: 'Klacid',
    ingredients: ['clarithromycin'],
    atc: 'J01FA09',
    form: 'tablet',
    strength: { value: 250, unit: 'mg' },
    packageSize: 12,
    packageUnit: '片',
    priceCents: 2860,
    maxDailyDose: { value: 1000, unit: 'mg' },
  },
  simvastatin: {
    ...base,
    code: 'simvastatin-20mg-tab',
    genericZh: '辛伐他汀片',
    genericEn: 'Simvastatin tablets',
    brandZh: '舒降之',
    brandEn: 'Zocor',
    ingredients: ['simvastatin'],
    atc: 'C10AA01',
    form: 'tablet',
    strength: { value: 20, unit: 'mg' },
    packageSize: 28,
    packageUnit: '片',
    priceCents: 3500,
    maxDailyDose: { value: 40, unit: 'mg' },
  },
  atorvastatin: {
    ...base,
    code: 'atorvastatin-20mg-tab',
    genericZh: '阿托伐他汀钙片',
    genericEn: 'Atorvastatin calcium tablets',
    brandZh: '立普妥',
    brandEn: 'Lipitor',
    ingredients: ['atorvastatin'],
    atc: 'C10AA05',
    form: 'tablet',
    strength: { value: 20, unit: 'mg' },
    packageSize: 7,
    packageUnit: '片',
    priceCents: 4200,
    maxDailyDose: { value: 80, unit: 'mg' },
  },
  ibuprofen: {
    ...base,
    code: 'ibuprofen-400mg-tab',
    genericZh: '布洛芬片',
    genericEn: 'Ibuprofen tablets',
    brandZh: null,
    brandEn: null,
    ingredients: ['ibuprofen'],
    atc: 'M01AE01',
    form: 'tablet',
    strength: { value: 400, unit: 'mg' },
    packageSize: 20,
    packageUnit: '片',
    priceCents: 900,
    maxDailyDose: { value: 2400, unit: 'mg' },
  },
  amlodipine: {
    ...base,
    code: 'amlodipine-5mg-tab',
    genericZh: '苯磺酸氨氯地平片',
    genericEn: 'Amlodipine besylate tablets',
    brandZh: '络活喜',
    brandEn: 'Norvasc',
    ingredients: ['amlodipine'],
    atc: 'C08CA01',
    form: 'tablet',
    strength: { value: 5, unit: 'mg' },
    packageSize: 7,
    packageUnit: '片',
    priceCents: 3100,
    maxDailyDose: { value: 10, unit: 'mg' },
  },
};

export interface PharmacyWorld {
  admin: Client;
  pharmacist: Client;
  pharmacistId: string;
  pharmacist2: Client;
  drugs: Record<keyof typeof TEST_DRUGS, string>;
}

/** The org's admin and two pharmacists; the test formulary with stock; the simvastatin-clarithromycin pair. */
export async function createPharmacyWorld(w: RecordWorld): Promise<PharmacyWorld> {
  const admin = await signIn(w.t, await createStaff(w.t, w.orgId, ['org_admin']));
  const pharmacistAccount = await createStaff(w.t, w.orgId, ['pharmacist']);
  const pharmacist = await signIn(w.t, pharmacistAccount);
  const pharmacist2 = await signIn(w.t, await createStaff(w.t, w.orgId, ['pharmacist']));
  const drugs = {} as Record<string, string>;
  for (const [key, drug] of Object.entries(TEST_DRUGS)) {
    const res = await admin.post('/api/v1/pharmacy/formulary', drug);
    expect(res.statusCode, res.body).toBe(201);
    drugs[key] = (res.json() as { id: string }).id;
    const stock = await admin.request('PUT', `/api/v1/pharmacy/formulary/${drugs[key]}/stock`, {
      onHand: 100,
    });
    expect(stock.statusCode, stock.body).toBe(200);
  }
  const pair = await admin.post('/api/v1/pharmacy/interactions', {
    a: 'simvastatin',
    b: 'clarithromycin',
    severity: 'contraindicated',
    zh: '克拉霉素抑制 CYP3A4，使辛伐他汀暴露量显著升高，横纹肌溶解风险；禁止合用',
    en: 'Clarithromycin inhibits CYP3A4 and raises simvastatin exposure (rhabdomyolysis); do not combine',
    source: 'Zocor label; FDA Drug Safety Communication 2011',
  });
  expect(pair.statusCode, pair.body).toBe(201);
  return { admin, pharmacist, pharmacistId: pharmacistAccount.id, pharmacist2, drugs };
}

/** The record facts the checks use: a penicillin allergy and simvastatin as a current medication. */
export async function seedPharmacyRecord(w: RecordWorld): Promise<void> {
  const db = w.t.deps.db;
  const row = { org_id: w.orgId, patient_id: w.patientId, source: 'clinician' as const, source_org: null };
  await db
    .insertInto('allergies')
    .values({ ...row, id: uuidv7(), substance: '青霉素', category: 'drug', severity: 'moderate' })
    .execute();
  await db
    .insertInto('medication_statements')
    .values({ ...row, id: uuidv7(), name: '辛伐他汀片', atc: 'C10AA01', dose: '20 mg', frequency: 'qn' })
    .execute();
}
