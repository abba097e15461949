import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { FORMULARY } from '@careloop/clinical';
import { FormularyDrugInput, type PrescriptionCheckResult } from '@careloop/contracts';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { inputOfClinical } from '../modules/pharmacy/index.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_PASSWORD } from './demo-staff.ts';

let t: TestApp;
let doctor: Client;

beforeAll(async () => {
  t = await createTestApp({ DEMO_PATIENTS: '60', DEMO_DATA: 'true' });
  await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
  doctor = new Client(t.app, 'zh-CN');
  await doctor.login(DEMO_DOCTOR_EMAIL, DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

describe('the demo pharmacy', () => {
  it('ships a formulary that passes the API validation', () => {
    expect(FORMULARY.length).toBeGreaterThanOrEqual(150);
    for (const drug of FORMULARY) {
      const parsed = FormularyDrugInput.safeParse(inputOfClinical(drug));
      expect(parsed.success, `${drug.code}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('loads it with stock and interactions into both demo hospitals', async () => {
    const counts = await t.deps.db
      .selectFrom('formulary_drugs as d')
      .innerJoin('orgs as o', 'o.id', 'd.org_id')
      .innerJoin('pharmacy_stock as s', 's.drug_id', 'd.id')
      .select(['o.code', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('o.code')
      .execute();
    expect(counts.map((c) => [c.code, Number(c.n)]).sort()).toEqual(
      [
        ['demo', FORMULARY.length],
        ['demo-partner', FORMULARY.length],
      ].sort(),
    );
    const pairs = await t.deps.db.selectFrom('drug_interactions').select('id').execute();
    expect(pairs.length).toBeGreaterThan(20);
  });

  it('shows the contraindicated interaction when the demo doctor prescribes clarithromycin to 王芳 (on simvastatin)', async () => {
    const consultations = (await doctor.get('/api/v1/consultations?view=mine')).json() as {
      items: { id: string; status: string; patient: { id: string; name: string } }[];
    };
    const wang = consultations.items.find((c) => c.patient.name === '王芳' && c.status === 'active');
    expect(wang, JSON.stringify(consultations.items.map((c) => [c.patient.name, c.status]))).toBeDefined();
    const drug = (await doctor.get('/api/v1/pharmacy/formulary?q=klms')).json() as {
      items: { id: string; ingredients: string[]; doseUnits: string[] }[];
    };
    const clarithromycin = drug.items.find((d) => d.ingredients.includes('clarithromycin'));
    expect(clarithromycin).toBeDefined();
    const res = await doctor.post(`/api/v1/patients/${wang!.patient.id}/prescriptions/check`, {
      items: [
        {
          drugId: clarithromycin!.id,
          dose: { value: 1, unit: clarithromycin!.doseUnits[0] },
          frequency: 'bid',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const findings = (res.json() as PrescriptionCheckResult).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: 'interaction', severity: 'contraindicated' }),
    );
  });
});
