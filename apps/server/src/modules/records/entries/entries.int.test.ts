import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, createRecordWorld, outsiders, type RecordWorld } from '../records.testing.ts';

let w: RecordWorld;
let base: string;

beforeAll(async () => {
  w = await createRecordWorld();
  base = `/api/v1/patients/${w.patientId}`;
});
afterAll(() => w.t.close());

describe('conditions', () => {
  it('fills the name from the ICD-10 table in the caller’s language and marks who recorded it', async () => {
    const res = await w.doctor.post(`${base}/conditions`, { icd10: 'i10', onsetDate: '2019-03-01' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      icd10: 'I10',
      display: expect.stringMatching(/hypertension/i),
      clinicalStatus: 'active',
      source: 'clinician',
      recordedBy: { id: w.doctorId },
      version: 1,
    });

    const zh = await w.doctor.request(
      'POST',
      `${base}/conditions`,
      { icd10: 'E11.9' },
      { 'accept-language': 'zh-CN' },
    );
    expect(zh.json().display).toMatch(/糖尿病/);
  });

  it('refuses a code that is not in the table, naming the field', async () => {
    const res = await w.doctor.post(`${base}/conditions`, { icd10: 'Z99.99' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'RECORD_UNKNOWN_ICD10', errors: [{ path: 'icd10' }] });
    const neither = await w.doctor.post(`${base}/conditions`, { note: 'no code, no name' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].path).toContain('display');
  });

  it('marks what the patient adds as self-reported and lets the patient change only that', async () => {
    const own = await w.patient.post(`${base}/conditions`, { display: '偏头痛', note: '每月两三次' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ source: 'self', display: '偏头痛' });

    const claimed = await w.patient.post(`${base}/conditions`, { display: '高血压', source: 'clinician' });
    expect(claimed.statusCode).toBe(403);
    expect(claimed.json().code).toBe('RECORD_SOURCE_NOT_ALLOWED');

    const doctors = (await w.doctor.post(`${base}/conditions`, { icd10: 'E78.5' })).json();
    const edit = await w.patient.patch(`${base}/conditions/${doctors.id}`, { version: 1, note: 'mine now' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('RECORD_NOT_EDITABLE');
    expect((await w.patient.delete(`${base}/conditions/${doctors.id}`)).statusCode).toBe(403);

    const changed = await w.patient.patch(`${base}/conditions/${own.json().id}`, {
      version: 1,
      note: '每周一次',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ note: '每周一次', version: 2 });
  });

  it('lets a clinician resolve a self-reported condition but not rewrite the patient’s words', async () => {
    const own = (await w.patient.post(`${base}/conditions`, { display: '胃痛' })).json();
    const rewrite = await w.doctor.patch(`${base}/conditions/${own.id}`, { version: 1, display: '胃炎' });
    expect(rewrite.statusCode).toBe(403);
    expect(rewrite.json()).toMatchObject({
      code: 'RECORD_SELF_REPORTED_TEXT',
      errors: [{ path: 'display' }],
    });
    expect((await w.doctor.delete(`${base}/conditions/${own.id}`)).statusCode).toBe(403);

    const resolved = await w.doctor.patch(`${base}/conditions/${own.id}`, {
      version: 1,
      clinicalStatus: 'resolved',
      abatedDate: '2024-01-10',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ display: '胃痛', clinicalStatus: 'resolved', source: 'self' });
  });

  it('answers 409 to a stale version and keeps the newer change', async () => {
    const c = (await w.doctor.post(`${base}/conditions`, { icd10: 'K76.0' })).json();
    expect(
      (await w.doctor.patch(`${base}/conditions/${c.id}`, { version: 1, note: 'first' })).statusCode,
    ).toBe(200);
    const stale = await w.doctor.patch(`${base}/conditions/${c.id}`, { version: 1, note: 'second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const list = (await w.doctor.get(`${base}/conditions`)).json().items as { id: string; note: string }[];
    expect(list.find((i) => i.id === c.id)?.note).toBe('first');
  });

  it('refuses an end before the start, naming the field', async () => {
    const res = await w.doctor.post(`${base}/conditions`, {
      icd10: 'J45',
      onsetDate: '2020-05-01',
      abatedDate: '2020-04-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'abatedDate', message: 'before_start' }]);
  });

  it('lists current conditions first and hides removed ones', async () => {
    const gone = (await w.doctor.post(`${base}/conditions`, { display: 'Temporary' })).json();
    expect((await w.doctor.delete(`${base}/conditions/${gone.id}`)).statusCode).toBe(200);
    const items = (await w.patient.get(`${base}/conditions`)).json().items as {
      id: string;
      clinicalStatus: string;
    }[];
    expect(items.map((i) => i.id)).not.toContain(gone.id);
    const firstResolved = items.findIndex((i) => i.clinicalStatus === 'resolved');
    expect(firstResolved).toBeGreaterThan(0);
    expect(items.slice(firstResolved).every((i) => i.clinicalStatus === 'resolved')).toBe(true);
    const current = (await w.patient.get(`${base}/conditions?includeInactive=false`)).json().items;
    expect(current.every((i: { clinicalStatus: string }) => i.clinicalStatus !== 'resolved')).toBe(true);
  });
});

describe('allergies, medications, procedures, family history and encounters', () => {
  it('creates, changes and removes an entry of every kind', async () => {
    const samples: [string, object, object][] = [
      [
        'allergies',
        { substance: '青霉素', category: 'drug', reaction: '皮疹', severity: 'severe' },
        { status: 'inactive' },
      ],
      [
        'medications',
        { name: '氨氯地平', atc: 'C08CA01', dose: '5 mg', frequency: 'qd' },
        { status: 'stopped', stoppedOn: '2024-02-01' },
      ],
      [
        'procedures',
        { name: '阑尾切除术', kind: 'surgery', performedOn: '2001-07-01' },
        { outcome: '恢复良好' },
      ],
      ['family-history', { relation: 'father', icd10: 'I63.9', onsetAge: 62 }, { onsetAge: 63 }],
      [
        'encounters',
        { kind: 'outpatient', startedAt: '2024-03-01T09:00:00+08:00', department: '心内科' },
        { summary: '血压控制可' },
      ],
    ];
    for (const [path, input, change] of samples) {
      const created = await w.doctor.post(`${base}/${path}`, input);
      expect(created.statusCode, `${path}: ${created.body}`).toBe(201);
      const entry = created.json();
      expect(entry).toMatchObject({ source: 'clinician', version: 1 });
      const changed = await w.doctor.patch(`${base}/${path}/${entry.id}`, { version: 1, ...change });
      expect(changed.statusCode, `${path}: ${changed.body}`).toBe(200);
      expect(changed.json()).toMatchObject({ ...change, version: 2 });
      expect((await w.doctor.delete(`${base}/${path}/${entry.id}`)).statusCode).toBe(200);
      const listed = await w.doctor.get(`${base}/${path}`);
      expect(listed.statusCode, `${path}: ${listed.body}`).toBe(200);
      const list = listed.json().items as { id: string }[];
      expect(list.map((i) => i.id)).not.toContain(entry.id);
    }
    const family = (
      await w.doctor.post(`${base}/family-history`, { relation: 'mother', icd10: 'E11' })
    ).json();
    expect(family.display).toMatch(/diabetes/i);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad: [string, object, string][] = [
      ['allergies', { substance: '花生', category: 'nuts' }, 'category'],
      ['medications', { name: '', dose: '5 mg' }, 'name'],
      ['medications', { name: '二甲双胍', startedOn: '2024-05-01', stoppedOn: '2024-01-01' }, 'stoppedOn'],
      ['encounters', { kind: 'outpatient', startedAt: 'yesterday' }, 'startedAt'],
      ['family-history', { relation: 'father', display: '高血压', onsetAge: 200 }, 'onsetAge'],
    ];
    for (const [path, body, field] of bad) {
      const res = await w.doctor.post(`${base}/${path}`, body);
      expect(res.statusCode, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
  });

  it('answers a repeated POST with the same Idempotency-Key once', async () => {
    const headers = { 'idempotency-key': 'allergy-retry-0001' };
    const body = { substance: '芒果', category: 'food', severity: 'mild' };
    const first = await w.patient.request('POST', `${base}/allergies`, body, headers);
    const again = await w.patient.request('POST', `${base}/allergies`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const mangoes = (await w.patient.get(`${base}/allergies`))
      .json()
      .items.filter((a: { substance: string }) => a.substance === '芒果');
    expect(mangoes).toHaveLength(1);
  });
});

describe('access', () => {
  it('refuses outsiders on every kind, reading or writing', async () => {
    const entry = (await w.doctor.post(`${base}/allergies`, { substance: '磺胺', category: 'drug' })).json();
    for (const [who, client] of outsiders(w)) {
      for (const path of [
        'conditions',
        'allergies',
        'medications',
        'procedures',
        'family-history',
        'encounters',
      ]) {
        const read = await client.get(`${base}/${path}`);
        expect([403, 404], `${who} GET ${path}`).toContain(read.statusCode);
      }
      const write = await client.post(`${base}/allergies`, { substance: '入侵', category: 'drug' });
      expect([403, 404], who).toContain(write.statusCode);
      const change = await client.patch(`${base}/allergies/${entry.id}`, { version: 1, status: 'inactive' });
      expect([403, 404], who).toContain(change.statusCode);
      expect(change.body).not.toContain('磺胺');
    }
  });

  it('audits every read and write in the same transaction', async () => {
    const actions = await auditActions(w);
    for (const action of [
      'record.condition.create',
      'record.condition.update',
      'record.condition.delete',
      'record.condition.list',
      'record.allergy.create',
      'record.medication.update',
      'record.encounter.delete',
    ])
      expect(actions).toContain(action);
  });
});
