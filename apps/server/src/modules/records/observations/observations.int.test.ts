import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, createRecordWorld, outsiders, type RecordWorld } from '../records.testing.ts';
import { storeObservations, type NewObservation } from './observations.store.ts';

let w: RecordWorld;
let base: string;

beforeAll(async () => {
  w = await createRecordWorld({ sex: 'male', birthDate: '1970-06-15' });
  base = `/api/v1/patients/${w.patientId}`;
});
afterAll(() => w.t.close());

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);

describe('adding readings', () => {
  it('stores a patient’s reading as self-reported, converted into the reported unit and flagged', async () => {
    const res = await w.patient.post(`${base}/observations`, {
      code: '14771-0',
      value: 126,
      unit: 'mg/dL',
      effectiveAt: '2024-05-01T07:30:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      codeSystem: 'loinc',
      name: 'Fasting glucose',
      value: 6.99,
      unit: 'mmol/L',
      flag: 'H',
      referenceLow: 3.9,
      referenceHigh: 6.1,
      source: 'self',
      recordedBy: { id: w.patientAccountId },
      effectiveAt: '2024-04-30T23:30:00.000Z',
    });
  });

  it('stores a clinician’s reading as clinician and names it in the caller’s language', async () => {
    const res = await w.doctor.request(
      'POST',
      `${base}/observations`,
      { code: '8480-6', value: 150, unit: 'mmHg', effectiveAt: '2024-05-02T09:00:00+08:00' },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.statusCode, res.body).toBe(201);
    // Office blood pressure is high from 140/90 mmHg (hypertension guideline 2018).
    expect(res.json()).toMatchObject({
      name: '收缩压',
      unit: 'mm[Hg]',
      source: 'clinician',
      flag: 'H',
      referenceLow: null,
      referenceHigh: 140,
    });
  });

  it('refuses impossible values, unknown units, future times and missing values with 4xx naming the field', async () => {
    const cases: [object, number, string, string][] = [
      [{ code: '14771-0', value: 500, unit: 'mmol/L' }, 422, 'RECORD_IMPOSSIBLE_VALUE', 'value'],
      [{ code: '8480-6', value: 18, unit: 'kPa' }, 400, 'RECORD_UNKNOWN_UNIT', 'unit'],
      [
        { code: '8480-6', value: 120, effectiveAt: '2099-01-01T00:00:00Z' },
        400,
        'VALIDATION_FAILED',
        'effectiveAt',
      ],
      [
        { code: '8480-6', value: 120, effectiveAt: '1960-01-01T00:00:00Z' },
        400,
        'VALIDATION_FAILED',
        'effectiveAt',
      ],
      [{ code: '8480-6' }, 400, 'VALIDATION_FAILED', 'value'],
      [{ code: 'my-test', value: 1 }, 400, 'VALIDATION_FAILED', 'name'],
      [{ code: '8480-6', value: 'high' }, 400, 'VALIDATION_FAILED', 'value'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await w.patient.post(`${base}/observations`, {
        effectiveAt: '2024-05-01T08:00:00Z',
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
  });

  it('answers a retried POST with the same Idempotency-Key once', async () => {
    const body = { code: '29463-7', value: 72.5, unit: 'kg', effectiveAt: '2024-05-03T07:00:00+08:00' };
    const headers = { 'idempotency-key': 'weight-reading-0001' };
    const first = await w.patient.request('POST', `${base}/observations`, body, headers);
    const again = await w.patient.request('POST', `${base}/observations`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const page = (await w.patient.get(`${base}/observations?code=29463-7`)).json();
    expect(page.items).toHaveLength(1);
  });

  it('lets the patient mark only their own reading as entered in error, and hides it', async () => {
    const own = (
      await w.patient.post(`${base}/observations`, {
        code: '8867-4',
        value: 180,
        effectiveAt: '2024-05-04T08:00:00Z',
      })
    ).json();
    const doctors = (
      await w.doctor.post(`${base}/observations`, {
        code: '8867-4',
        value: 72,
        effectiveAt: '2024-05-04T09:00:00Z',
      })
    ).json();
    expect((await w.patient.post(`${base}/observations/${doctors.id}/entered-in-error`)).statusCode).toBe(
      403,
    );
    const marked = await w.patient.post(`${base}/observations/${own.id}/entered-in-error`, {
      reason: '手滑输错',
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().status).toBe('entered_in_error');
    expect((await w.patient.post(`${base}/observations/${own.id}/entered-in-error`)).statusCode).toBe(409);
    const items = (await w.doctor.get(`${base}/observations?code=8867-4`)).json().items as { id: string }[];
    expect(items.map((i) => i.id)).toEqual([doctors.id]);
    expect((await w.doctor.post(`${base}/observations/${doctors.id}/entered-in-error`)).statusCode).toBe(200);
  });
});

describe('storeObservations', () => {
  const rows = (): NewObservation[] =>
    Array.from({ length: 2500 }, (_, i) => ({
      codeSystem: 'loinc' as const,
      code: '2093-3',
      name: 'Total cholesterol',
      valueNum: 4 + (i % 30) / 10,
      valueText: null,
      unit: 'mmol/L',
      effectiveAt: day(i % 400),
      source: 'import' as const,
      dedupeKey: `import-test:${i}`,
    }));

  it('stores the same rows once however often they are imported, with flags computed', async () => {
    const { db } = w.t.deps;
    const store = () =>
      db.transaction().execute((tx) =>
        storeObservations(tx, w.t.deps, {
          orgId: w.orgId,
          patientId: w.patientId,
          recordedBy: w.doctorId,
          rows: rows(),
        }),
      );
    const first = await store();
    expect(first).toHaveLength(2500);
    expect(new Set(first.map((o) => o.flag))).toEqual(new Set(['N', 'H']));
    expect(first.find((o) => o.valueNum === 5.2)?.flag).toBe('H');
    expect(await store()).toHaveLength(0);
    const count = await db
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('patient_id', '=', w.patientId)
      .where('code', '=', '2093-3')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2500);
  });

  it('runs the follow-up rules on what it newly stored: a critical glucose alerts at once', async () => {
    const res = await w.patient.post(`${base}/observations`, {
      code: '14771-0',
      value: 25,
      effectiveAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.json().flag).toBe('HH');
    const tasks = await w.t.deps.db
      .selectFrom('follow_up_tasks')
      .select(['priority', 'observation_id'])
      .where('patient_id', '=', w.patientId)
      .execute();
    expect(tasks).toContainEqual(
      expect.objectContaining({ priority: 'critical', observation_id: res.json().id }),
    );
  });
});

describe('curves and codes', () => {
  it('returns one item’s numeric values oldest first with the patient’s reference band', async () => {
    const res = await w.doctor.get(
      `${base}/observations/series?code=2093-3&from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const series = res.json();
    expect(series).toMatchObject({
      code: '2093-3',
      unit: 'mmol/L',
      referenceLow: null,
      referenceHigh: 5.2,
      truncated: false,
    });
    const times = series.points.map((p: { at: string }) => p.at);
    expect(times).toEqual([...times].sort());
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((t: string) => t >= '2024-01-01' && t < '2024-02-01')).toBe(true);
  });

  it('lists the codes the patient has with count and latest value', async () => {
    const items = (await w.patient.get(`${base}/observations/codes`)).json().items as {
      code: string;
      count: number;
      numeric: boolean;
    }[];
    expect(items.find((i) => i.code === '2093-3')).toMatchObject({ count: 2500, numeric: true });
    expect(items.find((i) => i.code === '8867-4')).toBeUndefined();
  });

  it('pages the list without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${base}/observations?code=2093-3&limit=200${cursor ? `&before=${cursor}` : ''}`;
      const page = (await w.doctor.get(url)).json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    expect((await w.doctor.get(`${base}/observations?before=bm90LWEtY3Vyc29y`)).statusCode).toBe(400);
  });
});

describe('access', () => {
  it('refuses outsiders every observation route', async () => {
    for (const [who, client] of outsiders(w)) {
      for (const path of ['observations', 'observations/series?code=2093-3', 'observations/codes']) {
        const res = await client.get(`${base}/${path}`);
        expect([403, 404], `${who} ${path}`).toContain(res.statusCode);
      }
      const write = await client.post(`${base}/observations`, {
        code: '8480-6',
        value: 120,
        effectiveAt: '2024-05-01T00:00:00Z',
      });
      expect([403, 404], who).toContain(write.statusCode);
    }
    const actions = await auditActions(w);
    for (const a of [
      'record.observation.create',
      'record.observation.series',
      'record.observation.codes',
      'record.observation.entered_in_error',
    ])
      expect(actions).toContain(a);
  });
});
