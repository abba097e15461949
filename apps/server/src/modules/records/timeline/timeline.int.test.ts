import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineItem } from '@careloop/contracts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { createPatientAccount, signIn } from '../../../../test/harness.ts';
import { createRecordWorld, outsiders, type RecordWorld } from '../records.testing.ts';
import { storeObservations, type NewObservation } from '../observations/observations.store.ts';

let w: RecordWorld;
let base: string;
let reportId: string;
const OBSERVATIONS = 10_000;
const REPORT_ITEMS = 12;

// Home blood pressure twice a day for years: systolic and diastolic share each instant, so the keyset must break
// ties by id; plus a checkup report whose items appear as one timeline entry.
function homeReadings(): NewObservation[] {
  const start = Date.UTC(2012, 0, 1, 0, 30);
  return Array.from({ length: OBSERVATIONS }, (_, i) => {
    const systolic = i % 2 === 0;
    const at = new Date(start + Math.floor(i / 2) * 12 * 3_600_000);
    return {
      codeSystem: 'loinc',
      code: systolic ? '8480-6' : '8462-4',
      name: systolic ? 'Systolic blood pressure' : 'Diastolic blood pressure',
      valueNum: systolic ? 120 + (i % 37) : 75 + (i % 23),
      valueText: null,
      unit: 'mm[Hg]',
      effectiveAt: at,
      source: 'device',
    };
  });
}

beforeAll(async () => {
  w = await createRecordWorld();
  base = `/api/v1/patients/${w.patientId}`;
  const { db } = w.t.deps;
  reportId = uuidv7();
  const performedAt = new Date('2019-05-20T01:00:00Z');
  await db
    .insertInto('checkup_reports')
    .values({
      id: reportId,
      org_id: w.orgId,
      patient_id: w.patientId,
      package_id: null,
      package_name: '入职体检',
      external_id: 'R-1',
      performed_at: performedAt,
      center: '示范体检中心',
      conclusion: null,
      source_format: 'csv',
      import_job_id: null,
      dedupe_key: 'timeline-test-report',
      item_count: REPORT_ITEMS,
      abnormal_count: 2,
      created_by: w.doctorId,
    })
    .execute();
  await db.transaction().execute(async (tx) => {
    await storeObservations(tx, w.t.deps, {
      orgId: w.orgId,
      patientId: w.patientId,
      recordedBy: null,
      rows: homeReadings(),
    });
    await storeObservations(tx, w.t.deps, {
      orgId: w.orgId,
      patientId: w.patientId,
      recordedBy: w.doctorId,
      rows: Array.from({ length: REPORT_ITEMS }, (_, i) => ({
        codeSystem: 'local' as const,
        code: `item-${i}`,
        name: `项目${i}`,
        valueNum: i,
        valueText: null,
        unit: null,
        effectiveAt: performedAt,
        source: 'checkup' as const,
        reportId,
        dedupeKey: `report:${i}`,
      })),
    });
  });
  await db.executeQuery({ sql: 'ANALYZE observations', parameters: [] } as never).catch(() => undefined);
  expect(
    (await w.doctor.post(`${base}/conditions`, { icd10: 'I10', onsetDate: '2015-03-01' })).statusCode,
  ).toBe(201);
  expect(
    (await w.patient.post(`${base}/allergies`, { substance: '青霉素', category: 'drug' })).statusCode,
  ).toBe(201);
  expect(
    (
      await w.doctor.post(`${base}/encounters`, {
        kind: 'outpatient',
        startedAt: '2016-07-01T02:00:00Z',
        department: '心内科',
      })
    ).statusCode,
  ).toBe(201);
});
afterAll(() => w.t.close());

async function everything(client = w.doctor, query = '', limit = 50): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `${base}/timeline?limit=${limit}${query}${cursor ? `&before=${cursor}` : ''}`;
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: TimelineItem[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const ordered = (items: TimelineItem[]) =>
  items.every((item, i) => {
    const prev = items[i - 1];
    return !prev || prev.at > item.at || (prev.at === item.at && prev.id > item.id);
  });

describe('the timeline of a patient with 10,000 observations', () => {
  it('pages through everything newest first with no duplicates and no gaps', async () => {
    const items = await everything(w.doctor, '', 200);
    expect(items).toHaveLength(OBSERVATIONS + 1 + 3);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(ordered(items)).toBe(true);
    const stored = await w.t.deps.db
      .selectFrom('observations')
      .select('id')
      .where('patient_id', '=', w.patientId)
      .where('report_id', 'is', null)
      .execute();
    const seen = new Set(items.map((i) => i.id));
    expect(stored.every((o) => seen.has(o.id))).toBe(true);
  });

  it('gives the same items with small pages', async () => {
    const small = await everything(w.patient, '&kinds=observation,condition', 50);
    expect(small).toHaveLength(OBSERVATIONS + 1);
    expect(new Set(small.map((i) => i.id)).size).toBe(small.length);
    expect(ordered(small)).toBe(true);
  });

  it('shows a checkup report as one item with its counts, not its items one by one', async () => {
    const items = await everything(w.doctor, '&kinds=checkup');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'checkup',
        id: reportId,
        reportId,
        flag: 'A',
        counts: { total: REPORT_ITEMS, abnormal: 2 },
        sourceOrg: '示范体检中心',
        title: 'Checkup report: 示范体检中心',
        detail: '2 of 12 items abnormal',
      }),
    ]);
  });

  it('filters by kind and writes titles in the caller’s language', async () => {
    const res = await w.doctor.request(
      'GET',
      `${base}/timeline?kinds=condition,allergy,encounter`,
      undefined,
      {
        'accept-language': 'zh-CN',
      },
    );
    const items = res.json().items as TimelineItem[];
    expect(items.map((i) => i.kind)).toEqual(['allergy', 'encounter', 'condition']);
    expect(items[0]).toMatchObject({ title: '过敏：青霉素', source: 'self' });
    expect(items[1]).toMatchObject({ title: '门诊，心内科', source: 'clinician' });
    expect(items[2]?.title).toMatch(/hypertension \(I10\)$/i);
    const first = (await w.doctor.get(`${base}/timeline?kinds=observation&limit=2`)).json()
      .items as TimelineItem[];
    expect(first[0]).toMatchObject({ kind: 'observation', code: expect.any(String), source: 'device' });
    expect(first[0]?.title).toMatch(/^(Systolic|Diastolic) blood pressure \d+ mmHg$/);
  });

  it('refuses unknown kinds and forged cursors with 400', async () => {
    expect((await w.doctor.get(`${base}/timeline?kinds=observation,secrets`)).statusCode).toBe(400);
    const forged = await w.doctor.get(
      `${base}/timeline?before=${Buffer.from("x' OR 1=1").toString('base64url')}`,
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors).toEqual([{ path: 'before', message: 'invalid_cursor' }]);
  });

  it('refuses outsiders', async () => {
    for (const [who, client] of outsiders(w)) {
      const res = await client.get(`${base}/timeline`);
      expect([403, 404], who).toContain(res.statusCode);
      expect(res.body).not.toContain('blood pressure');
    }
  });

  // Last: the colleague's break-glass grant opens the record for the rest of the file.
  it('follows the one access policy: a proxy with view reads, break-glass reads with a reason, neither writes', async () => {
    const proxyAccount = await createPatientAccount(w.t);
    const proxy = await signIn(w.t, proxyAccount.phone);
    expect((await proxy.get(`${base}/timeline?limit=1`)).statusCode).toBe(404);
    const grant = await w.patient.post(`${base}/proxy-grants`, {
      grantee: proxyAccount.phone,
      scopes: ['view'],
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await proxy.get(`${base}/timeline?limit=1`)).statusCode).toBe(200);
    expect((await proxy.post(`${base}/conditions`, { display: 'x' })).statusCode).toBe(404);

    expect((await w.colleague.get(`${base}/timeline?limit=1`)).statusCode).toBe(403);
    const glass = await w.colleague.post(`${base}/break-glass`, { reason: '急诊抢救需要查看既往病史和用药' });
    expect(glass.statusCode, glass.body).toBe(201);
    expect((await w.colleague.get(`${base}/timeline?limit=1`)).statusCode).toBe(200);
    expect((await w.colleague.post(`${base}/conditions`, { display: 'x' })).statusCode).toBe(403);
    const entry = await w.t.deps.db
      .selectFrom('audit_events')
      .select(['reason', 'detail'])
      .where('action', '=', 'record.timeline.read')
      .where('patient_id', '=', w.patientId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.reason).toBe('break-glass');
    expect(entry.detail).toMatchObject({ basis: 'break_glass', count: 1 });
  });
});
