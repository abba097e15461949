import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { RecordingRealtime } from '../../platform/realtime/realtime.ts';
import { createRecordWorld, type RecordWorld } from '../records/records.testing.ts';
import { multipartFile } from '../monitoring/imports/imports.testing.ts';
import {
  createPharmacyWorld,
  seedPharmacyRecord,
  TEST_DRUGS,
  type PharmacyWorld,
} from './pharmacy.testing.ts';

let w: RecordWorld;
let p: PharmacyWorld;

interface Finding {
  kind: string;
  level: string;
  itemIndex: number;
  with?: string;
}

const rxUrl = (patientId = w.patientId) => `/api/v1/patients/${patientId}/prescriptions`;

const item = (drug: keyof PharmacyWorld['drugs'], overrides: Record<string, unknown> = {}) => ({
  drugId: p.drugs[drug],
  dose: { value: 1, unit: 'tablet' },
  frequency: 'bid',
  durationDays: 7,
  ...overrides,
});

async function sign(items: unknown[], extra: Record<string, unknown> = {}) {
  const res = await w.doctor.post(rxUrl(), { diagnosis: '急性支气管炎', items, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    status: string;
    version: number;
    contentHash: string;
    items: { id: string }[];
  };
}

async function upload(client: typeof w.doctor, bytes: Buffer | string, name = 'formulary.xlsx') {
  const { payload, contentType } = multipartFile(name, bytes);
  return client.request('POST', '/api/v1/pharmacy/formulary/import', payload, {
    'content-type': contentType,
  });
}

beforeAll(async () => {
  w = await createRecordWorld({ sex: 'female', birthDate: '1985-11-30' });
  p = await createPharmacyWorld(w);
  await seedPharmacyRecord(w);
});

afterAll(async () => {
  await w?.t.close();
});

describe('formulary', () => {
  it.each([
    ['pinyin initials', 'amxl', 'amoxicillin-500mg-cap'],
    ['full pinyin', 'kelameisu', 'clarithromycin-250mg-tab'],
    ['Chinese name', '辛伐他汀', 'simvastatin-20mg-tab'],
    ['English name', 'atorva', 'atorvastatin-20mg-tab'],
    ['brand name', '络活喜', 'amlodipine-5mg-tab'],
    ['English brand', 'lipitor', 'atorvastatin-20mg-tab'],
  ])('finds a drug by %s', async (_label, q, code) => {
    const res = await w.doctor.get(`/api/v1/pharmacy/formulary?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    const codes = (res.json() as { items: { code: string }[] }).items.map((d) => d.code);
    expect(codes[0]).toBe(code);
  });

  it('lets only org admins edit drugs, and pharmacists set stock', async () => {
    const drug = (await p.admin.get(`/api/v1/pharmacy/formulary/${p.drugs.ibuprofen}`)).json() as {
      version: number;
    };
    expect(
      (await w.doctor.patch(`/api/v1/pharmacy/formulary/${p.drugs.ibuprofen}`, { ...drug, priceCents: 1 }))
        .statusCode,
    ).toBe(403);
    const changed = await p.admin.patch(`/api/v1/pharmacy/formulary/${p.drugs.ibuprofen}`, {
      priceCents: 950,
      version: drug.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().priceCents).toBe(950);
    const stale = await p.admin.patch(`/api/v1/pharmacy/formulary/${p.drugs.ibuprofen}`, {
      priceCents: 960,
      version: drug.version,
    });
    expect(stale.statusCode).toBe(409);
    const stock = await p.pharmacist.request('PUT', `/api/v1/pharmacy/formulary/${p.drugs.ibuprofen}/stock`, {
      onHand: 42,
    });
    expect(stock.statusCode, stock.body).toBe(200);
    expect(stock.json().stock).toEqual({ onHand: 42, reserved: 0 });
    expect(
      (await w.doctor.request('PUT', `/api/v1/pharmacy/formulary/${p.drugs.ibuprofen}/stock`, { onHand: 1 }))
        .statusCode,
    ).toBe(403);
    const duplicate = await p.admin.post('/api/v1/pharmacy/formulary', TEST_DRUGS.amoxicillin);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('DRUG_CODE_TAKEN');
  });

  it('exports to Excel and imports the same workbook back unchanged, then applies an edited one', async () => {
    const exported = await p.admin.get('/api/v1/pharmacy/formulary/export.xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const bytes = exported.rawPayload;
    const same = await upload(p.admin, bytes);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ created: 0, updated: 0, unchanged: 6, rows: 6 });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (en: string) => header.findIndex((h) => h.endsWith(`/ ${en}`)) + 1;
    sheet.getRow(2).getCell(col('Price (CNY)')).value = 99.5;
    sheet.getRow(2).getCell(col('On hand')).value = 7;
    const newRow = sheet.addRow([]);
    sheet.getRow(3).eachCell((cell, c) => (newRow.getCell(c).value = cell.value));
    newRow.getCell(col('Code')).value = 'new-drug-1';
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const applied = await upload(p.admin, edited);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ created: 1, updated: 1, unchanged: 5, rows: 7 });
    const code = sheet.getRow(2).getCell(col('Code')).value as string;
    const found = (await p.admin.get(`/api/v1/pharmacy/formulary?q=${code}`)).json().items[0];
    expect(found.priceCents).toBe(9950);
    expect(found.stock.onHand).toBe(7);
  });

  it('reports malformed rows by row and column and keeps nothing', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await p.admin.get('/api/v1/pharmacy/formulary/export.xlsx')).rawPayload as unknown as ArrayBuffer,
    );
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (en: string) => header.findIndex((h) => h.endsWith(`/ ${en}`)) + 1;
    sheet.getRow(2).getCell(col('Price (CNY)')).value = 1234;
    sheet.getRow(3).getCell(col('ATC code')).value = 'not-atc';
    sheet.getRow(4).getCell(col('Form')).value = 'lozenge';
    sheet.getRow(5).getCell(col('Strength')).value = 'abc';
    const res = await upload(p.admin, Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(422);
    const errors = (res.json() as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual([
      'rows.3.ATC 编码 / ATC code',
      'rows.4.剂型 / Form',
      'rows.5.规格数值 / Strength',
    ]);
    expect(errors[2]!.message).toBe('not_a_number');
    // Row 2's valid change was not applied either.
    const first = sheet.getRow(2).getCell(col('Code')).value as string;
    expect((await p.admin.get(`/api/v1/pharmacy/formulary?q=${first}`)).json().items[0].priceCents).not.toBe(
      123400,
    );
  });

  it('refuses files that are not workbooks (400) and requests that are not uploads (415)', async () => {
    const csv = await upload(p.admin, 'code,name\n1,2\n', 'formulary.csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().code).toBe('FORMULARY_IMPORT_UNREADABLE');
    const zip = await upload(p.admin, Buffer.from('PK\x03\x04garbage'));
    expect(zip.statusCode).toBe(400);
    const json = await p.admin.post('/api/v1/pharmacy/formulary/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect((await upload(p.pharmacist, 'x')).statusCode).toBe(403);
  });
});

describe('safety check', () => {
  const check = async (items: unknown[]) => {
    const res = await w.doctor.post(`${rxUrl()}/check`, { items });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { findings: Finding[]; items: { suggestedQuantity: number | null }[] };
  };

  it('finds the penicillin allergy in the record', async () => {
    const { findings } = await check([
      item('amoxicillin', { dose: { value: 500, unit: 'mg' }, frequency: 'tid' }),
    ]);
    expect(findings.map((f) => f.kind)).toContain('allergy');
    expect(findings.find((f) => f.kind === 'allergy')!.level).toBe('critical');
  });

  it('audits each check as a read of the record, and a refused one not at all', async () => {
    const count = async () =>
      Number(
        (
          await w.t.deps.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'prescription.check')
            .where('patient_id', '=', w.patientId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await check([item('clarithromycin')]);
    expect(await count()).toBe(before + 1);
    const refused = await w.colleague.post(`${rxUrl()}/check`, { items: [item('clarithromycin')] });
    expect(refused.statusCode).toBe(403);
    expect(await count()).toBe(before + 1);
  });

  it('finds the interaction with a current medication (simvastatin + clarithromycin)', async () => {
    const { findings } = await check([item('clarithromycin')]);
    const interaction = findings.find((f) => f.kind === 'interaction');
    expect(interaction, JSON.stringify(findings)).toBeDefined();
    expect(interaction!.level).toBe('critical');
  });

  it('finds duplicate therapy (a second statin) and a dose above the maximum', async () => {
    const { findings } = await check([
      item('atorvastatin', { frequency: 'qn' }),
      item('ibuprofen', { dose: { value: 2, unit: 'tablet' }, frequency: 'qid' }),
    ]);
    expect(findings.find((f) => f.itemIndex === 0)?.kind).toBe('duplicate_therapy');
    expect(findings.find((f) => f.itemIndex === 1)?.kind).toBe('max_dose');
  });

  it('suggests a quantity from dose, frequency and duration', async () => {
    const { findings, items } = await check([item('amlodipine', { frequency: 'qd', durationDays: 28 })]);
    expect(findings).toEqual([]);
    expect(items[0]!.suggestedQuantity).toBe(4);
  });

  it.each([
    ['an unknown drug', { drugId: '00000000-0000-7000-8000-000000000000' }, 'items.0.drugId', 'unknown_drug'],
    ['a zero dose', { dose: { value: 0, unit: 'tablet' } }, 'items.0.dose.value', 'dose_not_positive'],
    ['a negative dose', { dose: { value: -1, unit: 'tablet' } }, 'items.0.dose.value', 'dose_not_positive'],
    [
      'an absurd dose',
      { dose: { value: 60, unit: 'g' } },
      'items.0.dose.value',
      'dose_absurd:max_daily_1000mg',
    ],
    ['an unknown frequency', { frequency: 'thrice fortnightly' }, 'items.0.frequency', 'unknown_frequency'],
    [
      'a unit not for a tablet',
      { dose: { value: 2, unit: 'puff' } },
      'items.0.dose.unit',
      'unit_not_for_form:tablet',
    ],
    ['a duration out of range', { durationDays: 400 }, 'items.0.durationDays', 'out_of_range:1-365'],
    ['a quantity out of range', { quantity: 1000 }, 'items.0.quantity', 'out_of_range:1-100'],
  ])('refuses %s with 422 naming the field', async (_label, overrides, path, message) => {
    const res = await w.doctor.post(`${rxUrl()}/check`, { items: [item('clarithromycin', overrides)] });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toContainEqual({ path, message });
  });

  it('accepts frequencies as people write them', async () => {
    const { items } = await check([item('amlodipine', { frequency: '每日一次' })]);
    expect(items).toHaveLength(1);
  });
});

describe('prescriptions', () => {
  it('refuses to sign while a finding has no override reason, naming the item and finding', async () => {
    const res = await w.doctor.post(rxUrl(), {
      items: [item('amlodipine', { frequency: 'qd' }), item('clarithromycin')],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('PRESCRIPTION_OVERRIDE_REQUIRED');
    expect(res.json().errors[0].path).toBe('items.1.overrideReason');
    expect(res.json().errors[0].message).toMatch(/^required:interaction/);
    expect(await w.t.deps.db.selectFrom('prescriptions').select('id').execute()).toHaveLength(0);
  });

  it('signs with a content hash, notifies the pharmacists, and the signed row cannot change', async () => {
    const rx = await sign([
      item('clarithromycin', { overrideReason: '辛伐他汀已嘱停用至抗生素疗程结束后 3 天' }),
    ]);
    expect(rx.status).toBe('pending_review');
    expect(rx.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const notes = await w.t.deps.db
      .selectFrom('notifications')
      .select(['account_id', 'kind'])
      .where('kind', '=', 'prescription_review')
      .execute();
    expect(notes.map((n) => n.account_id)).toContain(p.pharmacistId);
    // The organization's consoles are told at once (the review queue refreshes), with no patient or drug named.
    const pushed = (w.t.deps.realtime as RecordingRealtime).sent.filter(
      (s) => s.event.type === 'pharmacy.prescription.changed' && s.event.id === rx.id,
    );
    expect(pushed).toEqual([
      {
        namespace: 'console',
        target: { orgId: w.orgId },
        event: {
          type: 'pharmacy.prescription.changed',
          id: rx.id,
          status: 'pending_review',
          at: expect.any(String),
        },
      },
    ]);

    const db = w.t.deps.db;
    await expect(
      sql`UPDATE prescriptions SET diagnosis = 'changed' WHERE id = ${rx.id}`.execute(db),
    ).rejects.toThrow(/cannot change its content/);
    await expect(
      sql`UPDATE prescription_items SET dose_value = 10 WHERE prescription_id = ${rx.id}`.execute(db),
    ).rejects.toThrow(/cannot change/);
    await expect(sql`DELETE FROM prescriptions WHERE id = ${rx.id}`.execute(db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(
      sql`INSERT INTO prescription_items (id, prescription_id, org_id, drug_id, drug_code, drug_name_zh, drug_name_en,
            dose_value, dose_unit, frequency, route, quantity, position)
          SELECT gen_random_uuid(), id, org_id, ${p.drugs.amlodipine}, 'x', 'x', 'x', 1, 'tablet', 'qd', 'oral', 1, 9
            FROM prescriptions WHERE id = ${rx.id}`.execute(db),
    ).rejects.toThrow(/cannot be added/);
  });

  it('revises into a new version and supersedes the old one; then the old one cannot be revised again', async () => {
    const rx = await sign([item('amlodipine', { frequency: 'qd' })]);
    const res = await w.doctor.post(`${rxUrl()}/${rx.id}/revise`, {
      items: [item('amlodipine', { frequency: 'qd', dose: { value: 2, unit: 'tablet' } })],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({ version: 2, previousId: rx.id, status: 'pending_review' });
    expect((await w.doctor.get(`${rxUrl()}/${rx.id}`)).json().status).toBe('superseded');
    const again = await w.doctor.post(`${rxUrl()}/${rx.id}/revise`, { items: [item('amlodipine')] });
    expect(again.statusCode).toBe(409);
    const cancelled = await w.doctor.post(`${rxUrl()}/${v2.id}/cancel`, { reason: '患者改为线下就诊' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('refuses without a care relationship, from another organization, and for a link to another patient', async () => {
    const body = { items: [item('amlodipine', { frequency: 'qd' })] };
    expect((await w.colleague.post(rxUrl(), body)).statusCode).toBe(403);
    expect((await w.otherOrgDoctor.post(rxUrl(), body)).statusCode).toBe(404);
    expect((await w.otherOrgDoctor.post(`${rxUrl()}/check`, body)).statusCode).toBe(404);
    expect((await p.pharmacist.post(rxUrl(), body)).statusCode).toBe(403);
    const link = await w.doctor.post(rxUrl(), {
      ...body,
      consultationId: '00000000-0000-7000-8000-000000000001',
    });
    expect(link.statusCode).toBe(422);
    expect(link.json().code).toBe('PRESCRIPTION_LINK_INVALID');
    expect((await w.otherOrgDoctor.get(rxUrl())).statusCode).toBe(404);
  });

  it('shows the patient their prescriptions in plain words, without the findings', async () => {
    const res = await w.patient.get(rxUrl());
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      status: string;
      items: { plainText: string; findings: unknown[] }[];
    }[];
    expect(items.every((rx) => rx.status !== 'superseded')).toBe(true);
    const clarithro = items.flatMap((rx) => rx.items).find((i) => i.plainText.includes('twice daily'));
    expect(clarithro?.plainText).toBe('1 tablet each time, twice daily, for 7 days');
    expect(clarithro?.findings).toEqual([]);
    expect((await w.strangerPatient.get(rxUrl())).statusCode).toBe(404);
  });
});

describe('pharmacist review', () => {
  it('queues oldest first with findings, override reasons and the patient summary', async () => {
    const res = await p.pharmacist.get('/api/v1/pharmacy/reviews?status=pending');
    expect(res.statusCode, res.body).toBe(200);
    const queue = res.json().items as {
      prescription: { signedAt: string; items: { findings: Finding[]; overrideReason: string | null }[] };
      patient: { allergies: { substance: string }[]; currentMedications: { name: string }[] };
    }[];
    expect(queue.length).toBeGreaterThan(0);
    const times = queue.map((q) => q.prescription.signedAt);
    expect([...times].sort()).toEqual(times);
    const overridden = queue.find((q) => q.prescription.items[0]!.findings.length > 0)!;
    expect(overridden.prescription.items[0]!.overrideReason).toContain('辛伐他汀');
    expect(overridden.patient.allergies.map((a) => a.substance)).toContain('青霉素');
    expect(overridden.patient.currentMedications.map((m) => m.name)).toContain('辛伐他汀片');
    expect((await w.doctor.get('/api/v1/pharmacy/reviews')).statusCode).toBe(403);
  });

  it('lets exactly one of two concurrent reviews win', async () => {
    const rx = await sign([item('amlodipine', { frequency: 'qd' })]);
    const [a, b] = await Promise.all([
      p.pharmacist.post(`/api/v1/prescriptions/${rx.id}/approve`, {}),
      p.pharmacist2.post(`/api/v1/prescriptions/${rx.id}/reject`, { reason: '剂量需调整' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const audit = await w.t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', rx.id)
      .where('action', 'in', ['prescription.approve', 'prescription.reject'])
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('tells the prescriber about a rejection (naming no condition) and keeps the reason', async () => {
    // The race above may have approved amlodipine (now a current medication): a reason covers the duplicate.
    const amlodipine = item('amlodipine', { frequency: 'qd', overrideReason: '替换此前的处方' });
    const rx = await sign([amlodipine], { diagnosis: '原发性高血压' });
    const res = await p.pharmacist.post(`/api/v1/prescriptions/${rx.id}/reject`, { reason: '请核对剂量' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', reviewNote: '请核对剂量' });
    const note = await w.t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('account_id', '=', w.doctorId)
      .where('dedupe_key', '=', `prescription:${rx.id}:rejected`)
      .executeTakeFirstOrThrow();
    expect(note.kind).toBe('prescription_update');
    expect(`${note.title_zh}${note.body_zh}${note.title_en}${note.body_en}`).not.toMatch(
      /高血压|hypertension|氨氯地平/i,
    );
    expect((await p.pharmacist.post(`/api/v1/prescriptions/${rx.id}/reject`, {})).statusCode).toBe(400);
    // A rejected prescription can be revised.
    const revised = await w.doctor.post(`${rxUrl()}/${rx.id}/revise`, { items: [amlodipine] });
    expect(revised.statusCode, revised.body).toBe(201);
  });

  it('writes the approved items into the record as current medications, which later checks see', async () => {
    const rx = await sign([item('ibuprofen', { frequency: 'tid', durationDays: 5 })]);
    const res = await p.pharmacist.post(`/api/v1/prescriptions/${rx.id}/approve`, { note: '饭后服用' });
    expect(res.statusCode, res.body).toBe(200);
    const meds = await w.doctor.get(`/api/v1/patients/${w.patientId}/medications`);
    expect(meds.statusCode, meds.body).toBe(200);
    expect((meds.json().items as { name: string }[]).map((m) => m.name)).toContain('布洛芬片');
    const patientNote = await w.t.deps.db
      .selectFrom('notifications')
      .select(['title_en'])
      .where('dedupe_key', '=', `prescription:${rx.id}:approved`)
      .executeTakeFirstOrThrow();
    expect(patientNote.title_en).toBe('Your prescription is ready to order');
    const statuses = (w.t.deps.realtime as RecordingRealtime).sent.flatMap((s) =>
      s.event.type === 'pharmacy.prescription.changed' && s.event.id === rx.id ? [s.event.status] : [],
    );
    expect(statuses).toEqual(['pending_review', 'approved']);
    // A second ibuprofen now duplicates a current medication.
    const again = await w.doctor.post(`${rxUrl()}/check`, {
      items: [item('ibuprofen', { frequency: 'tid' })],
    });
    expect((again.json().findings as Finding[]).map((f) => f.kind)).toContain('duplicate_therapy');
    expect((await p.pharmacist.post(`/api/v1/prescriptions/${rx.id}/approve`, {})).statusCode).toBe(409);
  });
});
