import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import {
  addPatient,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/harness.ts';

let t: TestApp;
let orgId: string;
let doctor: Client;
let admin: Client;

// Valid GB 11643 numbers: the standard's own example and one more computed with its MOD 11-2 rule.
const ID_FEMALE_1949 = '11010519491231002X';
const ID_MALE_1990 = '110105199003071212';

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  doctor = await signIn(t, await createStaff(t, orgId, ['doctor']));
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
});
afterAll(() => t.close());

describe('registering and reading a patient', () => {
  it('stores identifiers encrypted with a blind index and returns them to the care team', async () => {
    const created = await addPatient(t, doctor, {
      name: '李华',
      sex: 'female',
      birthDate: '1949-12-31',
      nationalId: ID_FEMALE_1949,
      phone: '13911112222',
      address: { province: '北京市', city: '北京市', district: '朝阳区', line: '建国路 1 号' },
      emergencyContact: { name: '李明', relationship: '儿子', phone: '13933334444' },
      insurance: { type: 'urban_employee', number: 'YB123456' },
    });
    const raw = await t.deps.db
      .selectFrom('patients')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(raw);
    for (const secret of [ID_FEMALE_1949, '13911112222', '建国路', 'YB123456', '13933334444'])
      expect(stored).not.toContain(secret);
    expect(raw.national_id_enc).toMatch(/^v1\.k1\./);

    const res = await doctor.get(`/api/v1/patients/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '李华',
      nationalId: ID_FEMALE_1949,
      phone: '13911112222',
      insurance: { type: 'urban_employee', number: 'YB123456' },
    });
  });

  it('finds patients by name, exact phone and exact ID number within the organization', async () => {
    const p = await addPatient(t, doctor, {
      name: '赵一鸣',
      sex: 'male',
      birthDate: '1990-03-07',
      nationalId: ID_MALE_1990,
      phone: '13800990011',
    });
    for (const q of ['一鸣', 'zhaoyiming', 'zym', '13800990011', ID_MALE_1990, '0011']) {
      const res = await doctor.get(`/api/v1/patients?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { id: string }) => i.id)).toContain(p.id);
    }
    const other = await signIn(t, await createStaff(t, await createOrg(t), ['doctor']));
    expect((await other.get(`/api/v1/patients?q=${ID_MALE_1990}`)).json().items).toHaveLength(0);
    expect((await other.get('/api/v1/patients?q=0011')).json().items).toHaveLength(0);
    // Four digits are a phone's last four, never a name or MRN match.
    const lastFour = (await doctor.get('/api/v1/patients?q=0011&careTeam=all')).json().items;
    expect(lastFour.every((i: { phoneMasked: string | null }) => i.phoneMasked?.endsWith('0011'))).toBe(true);
  });

  it('pages through search results with a cursor, in registration order', async () => {
    const orgDoctor = await signIn(t, await createStaff(t, await createOrg(t), ['doctor']));
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await addPatient(t, orgDoctor, { name: `分页${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/patients?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await orgDoctor.get(url);
      if (res.statusCode !== 200) throw new Error(res.body);
      const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await orgDoctor.get('/api/v1/patients?limit=500')).statusCode).toBe(400);
  });

  it('rejects an invalid ID number or one that contradicts birth date or sex, naming the field', async () => {
    const bad = await doctor.post('/api/v1/patients', {
      name: '王五',
      sex: 'male',
      birthDate: '1990-03-07',
      nationalId: '110105199003071218',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'INVALID_NATIONAL_ID',
      errors: [{ path: 'nationalId', message: 'checksum' }],
    });
    const mismatch = await doctor.post('/api/v1/patients', {
      name: '王五',
      sex: 'female',
      birthDate: '1991-03-07',
      nationalId: ID_MALE_1990,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(
      mismatch
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['birthDate', 'sex']);
  });

  it('stores markup and SQL in a name as plain text', async () => {
    const name = `<script>alert(1)</script>'); DROP TABLE patients;--`;
    const p = await addPatient(t, doctor, { name: name.slice(0, 60) });
    const res = await doctor.get(`/api/v1/patients/${p.id}`);
    expect(res.json().name).toBe(name.slice(0, 60));
    expect((await doctor.get('/api/v1/patients')).statusCode).toBe(200);
  });

  it('refuses a stale version with 409 and keeps the newer data', async () => {
    const p = await addPatient(t, doctor);
    const first = await doctor.patch(`/api/v1/patients/${p.id}`, { version: p.version, name: '新名字' });
    expect(first.statusCode).toBe(200);
    const stale = await doctor.patch(`/api/v1/patients/${p.id}`, { version: p.version, name: '旧名字' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await doctor.get(`/api/v1/patients/${p.id}`)).json().name).toBe('新名字');
  });

  it('clears optional details with null', async () => {
    const p = await addPatient(t, doctor, { phone: '13712340000', insurance: { type: 'self_pay' } });
    const res = await doctor.patch(`/api/v1/patients/${p.id}`, {
      version: p.version,
      phone: null,
      insurance: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: null, phoneMasked: null, insurance: null });
  });
});

describe('care relationship and break-glass', () => {
  it('denies a colleague without a care relationship until break-glass, which the admin sees', async () => {
    const p = await addPatient(t, doctor);
    const colleague = await signIn(t, await createStaff(t, orgId, ['doctor']));
    const denied = await colleague.get(`/api/v1/patients/${p.id}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('ACCESS_DENIED');
    expect(denied.body).not.toContain('测试患者');

    expect(
      (await colleague.post(`/api/v1/patients/${p.id}/break-glass`, { reason: 'short' })).statusCode,
    ).toBe(400);
    const glass = await colleague.post(`/api/v1/patients/${p.id}/break-glass`, {
      reason: 'Unconscious patient in ED, need allergies',
    });
    expect(glass.statusCode).toBe(201);
    expect((await colleague.get(`/api/v1/patients/${p.id}`)).statusCode).toBe(200);
    // Break-glass is read only.
    expect((await colleague.patch(`/api/v1/patients/${p.id}`, { version: 1, name: '改名' })).statusCode).toBe(
      403,
    );

    const log = (await admin.get('/api/v1/break-glass')).json().items as {
      patientId: string;
      reason: string;
    }[];
    expect(log.find((g) => g.patientId === p.id)?.reason).toContain('Unconscious');
    const audit = (await admin.get(`/api/v1/audit-events?patientId=${p.id}`)).json().items as {
      action: string;
      reason: string | null;
    }[];
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['patient.break_glass', 'patient.read', 'patient.create']),
    );
  });

  it('lets the org admin add a colleague to the care team, which grants access', async () => {
    const p = await addPatient(t, doctor);
    const nurse = await createStaff(t, orgId, ['nurse']);
    const nurseClient = await signIn(t, nurse);
    expect((await nurseClient.get(`/api/v1/patients/${p.id}`)).statusCode).toBe(403);
    expect(
      (await admin.post(`/api/v1/patients/${p.id}/care-team`, { staffId: nurse.id, role: 'nurse' }))
        .statusCode,
    ).toBe(201);
    expect((await nurseClient.get(`/api/v1/patients/${p.id}`)).statusCode).toBe(200);
    const team = (await doctor.get(`/api/v1/patients/${p.id}/care-team`)).json().items as {
      staffId: string;
    }[];
    expect(team.map((m) => m.staffId)).toContain(nurse.id);
    expect((await doctor.delete(`/api/v1/patients/${p.id}/care-team/${nurse.id}`)).statusCode).toBe(200);
    expect((await nurseClient.get(`/api/v1/patients/${p.id}`)).statusCode).toBe(403);
  });
});

describe('family members and proxy grants', () => {
  it('lets a patient add their own profile and a child, validated like staff registration', async () => {
    const acct = await createPatientAccount(t);
    const c = await signIn(t, acct.phone);
    const self = await c.post('/api/v1/me/family-members', {
      relationship: 'self',
      profile: { name: '张三', sex: 'male', birthDate: '1990-03-07', nationalId: ID_MALE_1990.toLowerCase() },
    });
    // The same ID already exists in this org from the earlier test: a duplicate is refused, not silently merged.
    expect(self.statusCode).toBe(409);
    const ok = await c.post('/api/v1/me/family-members', {
      relationship: 'self',
      profile: { name: '张三', sex: 'male', birthDate: '1990-03-07' },
    });
    expect(ok.statusCode).toBe(201);
    const child = await c.post('/api/v1/me/family-members', {
      relationship: 'child',
      profile: { name: '张小三', sex: 'female', birthDate: '2018-06-01' },
    });
    expect(child.statusCode).toBe(201);
    const again = await c.post('/api/v1/me/family-members', {
      relationship: 'self',
      profile: { name: '张三', sex: 'male', birthDate: '1990-03-07' },
    });
    expect(again.statusCode).toBe(409);
    const list = (await c.get('/api/v1/me/patients')).json().items as { relationship: string; via: string }[];
    expect(list.map((i) => i.relationship)).toEqual(['self', 'child']);
    expect((await c.get(`/api/v1/patients/${child.json().id}`)).statusCode).toBe(200);
  });

  it('shares a profile through a scoped, expiring, revocable proxy grant', async () => {
    const owner = await createPatientAccount(t);
    const proxy = await createPatientAccount(t);
    const ownerClient = await signIn(t, owner.phone);
    const proxyClient = await signIn(t, proxy.phone);
    const self = (
      await ownerClient.post('/api/v1/me/family-members', {
        relationship: 'self',
        profile: { name: '母亲', sex: 'female', birthDate: '1950-01-01' },
      })
    ).json();
    expect((await proxyClient.get(`/api/v1/patients/${self.id}`)).statusCode).toBe(404);

    const past = await ownerClient.post(`/api/v1/patients/${self.id}/proxy-grants`, {
      grantee: proxy.phone,
      scopes: ['view'],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    const grant = await ownerClient.post(`/api/v1/patients/${self.id}/proxy-grants`, {
      grantee: proxy.phone,
      scopes: ['view', 'book'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(grant.statusCode).toBe(201);
    expect((await proxyClient.get(`/api/v1/patients/${self.id}`)).statusCode).toBe(200);
    // A proxy may view but not edit, and cannot pass the access on.
    expect(
      (await proxyClient.patch(`/api/v1/patients/${self.id}`, { version: 1, name: 'x' })).statusCode,
    ).toBe(404);
    expect((await proxyClient.get(`/api/v1/patients/${self.id}/proxy-grants`)).statusCode).toBe(404);
    const received = (await proxyClient.get('/api/v1/me/proxy-grants')).json().items;
    expect(received).toHaveLength(1);

    expect(
      (await ownerClient.post(`/api/v1/patients/${self.id}/proxy-grants/${grant.json().id}/revoke`))
        .statusCode,
    ).toBe(200);
    expect((await proxyClient.get(`/api/v1/patients/${self.id}`)).statusCode).toBe(404);
  });
});

describe('retries', () => {
  it('registers a patient once when the same Idempotency-Key is sent twice', async () => {
    const headers = { 'idempotency-key': 'register-patient-0001' };
    const body = { name: '重试患者', sex: 'male', birthDate: '1960-02-02' };
    const first = await doctor.request('POST', '/api/v1/patients', body, headers);
    const second = await doctor.request('POST', '/api/v1/patients', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const count = await t.deps.db
      .selectFrom('patients')
      .select('id')
      .where('name', '=', '重试患者')
      .execute();
    expect(count).toHaveLength(1);
    const misuse = await doctor.request(
      'POST',
      '/api/v1/api-tokens',
      { name: 'x', scopes: ['patients:read'] },
      headers,
    );
    expect(misuse.statusCode).toBe(409);
  });
});
