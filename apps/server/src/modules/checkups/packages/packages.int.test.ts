import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupPackage } from '@careloop/contracts';
import {
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';

let t: TestApp;
let admin: Client;
let nurse: Client;
let outsider: Client;

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrg(t);
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  nurse = await signIn(t, await createStaff(t, orgId, ['nurse']));
  outsider = await signIn(t, await createStaff(t, await createOrg(t), ['org_admin']));
});
afterAll(() => t.close());

const basic = {
  code: 'basic-2026',
  nameZh: '基础体检套餐',
  nameEn: 'Basic checkup',
  itemCodes: ['14771-0', '2093-3', '1742-6'],
  priceCents: 39800,
};

describe('checkup packages', () => {
  let created: CheckupPackage;

  it('are created by an org admin with items from the code table', async () => {
    const res = await admin.post('/api/v1/checkups/packages', basic);
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(created).toMatchObject({ ...basic, active: true, version: 1 });
  });

  it('refuse an unknown item code and a second package with the same code', async () => {
    const unknown = await admin.post('/api/v1/checkups/packages', {
      ...basic,
      code: 'x-1',
      itemCodes: ['1234-5'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'CHECKUP_UNKNOWN_LOINC',
      errors: [{ path: 'itemCodes.0' }],
    });
    expect((await admin.post('/api/v1/checkups/packages', basic)).statusCode).toBe(409);
  });

  it('change with the version read, and a stale version is refused', async () => {
    const res = await admin.patch(`/api/v1/checkups/packages/${created.id}`, { active: false, version: 1 });
    expect(res.json()).toMatchObject({ active: false, version: 2 });
    const stale = await admin.patch(`/api/v1/checkups/packages/${created.id}`, { nameEn: 'Old', version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('are listed for clinical staff, changed only by admins and health managers, per organization', async () => {
    expect((await nurse.get('/api/v1/checkups/packages')).json().items).toHaveLength(1);
    expect((await nurse.post('/api/v1/checkups/packages', { ...basic, code: 'n-1' })).statusCode).toBe(403);
    expect((await outsider.get('/api/v1/checkups/packages')).json().items).toEqual([]);
    const foreign = await outsider.patch(`/api/v1/checkups/packages/${created.id}`, {
      active: true,
      version: 2,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('item mappings', () => {
  it('are listed and searched, deleted, and closed to nurses and other organizations', async () => {
    const saved = await admin.post('/api/v1/checkups/item-mappings', {
      localName: 'GLU-空腹',
      loinc: '14771-0',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      recoded: 0,
      mapping: { localNameNormalized: 'glu-空腹', analyteNameEn: 'Fasting glucose' },
    });
    await admin.post('/api/v1/checkups/item-mappings', { localName: '血清总胆固醇测定', loinc: '2093-3' });
    const found = (
      await admin.get(`/api/v1/checkups/item-mappings?q=${encodeURIComponent('胆固醇')}`)
    ).json();
    expect(found.items.map((m: { loinc: string }) => m.loinc)).toEqual(['2093-3']);
    expect((await nurse.get('/api/v1/checkups/item-mappings')).statusCode).toBe(403);
    const id = saved.json().mapping.id;
    expect((await outsider.delete(`/api/v1/checkups/item-mappings/${id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/checkups/item-mappings/${id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/v1/checkups/item-mappings')).json().items).toHaveLength(1);
  });
});
