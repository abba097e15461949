import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { createStaff, signIn, type Client } from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { createRecordWorld, type RecordWorld } from '../records/records.testing.ts';
import { fulfilmentGateways } from '../pharmacy/fulfilment.ts';

/**
 * A world for the fulfilment and medication tests: the record world's patient and doctor, a pharmacist and a
 * health manager on the patient's care team, and a drug with stock. Prescriptions are written straight into the
 * prescribing tables (signed and approved as the prescribing side would leave them), so these tests depend only
 * on the tables.
 */
export interface MedicationWorld extends RecordWorld {
  pharmacist: Client;
  pharmacistId: string;
  healthManagerId: string;
  drugId: string;
  gateways: ReturnType<typeof fulfilmentGateways>;
}

export async function createMedicationWorld(options: { stock?: number } = {}): Promise<MedicationWorld> {
  const w = await createRecordWorld();
  const { t, orgId } = w;
  const pharmacistAccount = await createStaff(t, orgId, ['pharmacist']);
  const hm = await createStaff(t, orgId, ['health_manager']);
  await t.deps.db
    .insertInto('care_team')
    .values({
      id: uuidv7(),
      org_id: orgId,
      patient_id: w.patientId,
      staff_account_id: hm.id,
      role: 'health_manager',
    })
    .execute();
  const drugId = await addDrug(w, { code: 'amlodipine-5mg-tab', stock: options.stock ?? 100 });
  const gateways = fulfilmentGateways(t.deps);
  return {
    ...w,
    pharmacist: await signIn(t, pharmacistAccount),
    pharmacistId: pharmacistAccount.id,
    healthManagerId: hm.id,
    drugId,
    gateways,
  };
}

export async function addDrug(w: RecordWorld, input: { code: string; stock: number; priceCents?: number }) {
  const id = uuidv7();
  await w.t.deps.db
    .insertInto('formulary_drugs')
    .values({
      id,
      org_id: w.orgId,
      code: input.code,
      generic_zh: '苯磺酸氨氯地平片',
      generic_en: 'Amlodipine besylate tablets',
      brand_zh: null,
      brand_en: null,
      ingredients: ['amlodipine'],
      atc: 'C08CA01',
      form: 'tablet',
      strength_value: 5,
      strength_unit: 'mg',
      route: 'oral',
      package_size: 7,
      package_unit: '片',
      price_cents: input.priceCents ?? 3100,
      max_daily_value: 10,
      max_daily_unit: 'mg',
      contraindications: '[]',
      pregnancy: null,
      lactation: null,
      source: 'NMPA label',
      name_search: input.code,
    })
    .execute();
  await w.t.deps.db
    .insertInto('pharmacy_stock')
    .values({ org_id: w.orgId, drug_id: id, on_hand: input.stock })
    .execute();
  return id;
}

/** A signed prescription of one drug for a patient, in one transaction as the immutability trigger wants. */
export async function addPrescription(
  w: RecordWorld & { drugId: string },
  options: {
    patientId?: string;
    status?: 'approved' | 'pending_review';
    frequency?: string;
    quantity?: number;
    durationDays?: number | null;
    longTerm?: boolean;
  } = {},
): Promise<{ prescriptionId: string; itemId: string }> {
  const prescriptionId = uuidv7();
  const itemId = uuidv7();
  const status = options.status ?? 'approved';
  await w.t.deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('prescriptions')
      .values({
        id: prescriptionId,
        org_id: w.orgId,
        patient_id: options.patientId ?? w.patientId,
        prescriber_account_id: w.doctorId,
        status,
        diagnosis: 'I10 原发性高血压',
        content_hash: createHash('sha256').update(prescriptionId).digest('hex'),
        signed_at: new Date(),
        reviewed_at: status === 'approved' ? new Date() : null,
        long_term: options.longTerm ?? true,
      })
      .execute();
    await tx
      .insertInto('prescription_items')
      .values({
        id: itemId,
        prescription_id: prescriptionId,
        org_id: w.orgId,
        drug_id: w.drugId,
        drug_code: 'amlodipine-5mg-tab',
        drug_name_zh: '苯磺酸氨氯地平片',
        drug_name_en: 'Amlodipine besylate tablets',
        dose_value: 5,
        dose_unit: 'mg',
        frequency: options.frequency ?? 'qd',
        route: 'oral',
        duration_days: options.durationDays === undefined ? 28 : options.durationDays,
        quantity: options.quantity ?? 1,
        findings: '[]',
        override_reason: null,
        position: 0,
      })
      .execute();
  });
  return { prescriptionId, itemId };
}

/** Places an order as the patient and checks it was created. */
export async function placeOrder(
  w: MedicationWorld,
  prescriptionId: string,
  fulfilment: 'pickup' | 'delivery' = 'pickup',
): Promise<{ id: string; version: number; amountCents: number }> {
  let addressId: string | undefined;
  if (fulfilment === 'delivery') {
    const a = await w.patient.post(`/api/v1/patients/${w.patientId}/addresses`, {
      recipient: '张伟',
      phone: '13800000001',
      address: '上海市浦东新区世纪大道100号',
    });
    expect(a.statusCode, a.body).toBe(201);
    addressId = (a.json() as { id: string }).id;
  }
  const res = await w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
    prescriptionId,
    fulfilment,
    ...(addressId ? { addressId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; amountCents: number };
}

export async function stockOf(w: MedicationWorld, drugId = w.drugId) {
  return w.t.deps.db
    .selectFrom('pharmacy_stock')
    .select(['on_hand', 'reserved'])
    .where('drug_id', '=', drugId)
    .executeTakeFirstOrThrow();
}
