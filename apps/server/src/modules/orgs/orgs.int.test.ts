import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/harness.ts';

let t: TestApp;
let orgId: string;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  const a = await createStaff(t, orgId, ['org_admin']);
  adminId = a.id;
  admin = await signIn(t, a);
});
afterAll(() => t.close());

describe('departments', () => {
  it('lets the org admin create and rename departments with both names, and refuses a duplicate code', async () => {
    const created = await admin.post('/api/v1/departments', {
      code: 'cardiology',
      nameZh: '心内科',
      nameEn: 'Cardiology',
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await admin.post('/api/v1/departments', { code: 'cardiology', nameZh: '心内', nameEn: 'Heart' }))
        .statusCode,
    ).toBe(409);
    const renamed = await admin.patch(`/api/v1/departments/${created.json().id}`, {
      nameEn: 'Cardiovascular Medicine',
    });
    expect(renamed.json()).toMatchObject({ nameZh: '心内科', nameEn: 'Cardiovascular Medicine' });
    const bad = await admin.post('/api/v1/departments', { code: 'Bad Code!', nameZh: 'x', nameEn: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('code');
  });

  it('keeps departments to their organization and to admins', async () => {
    const doctor = await signIn(t, await createStaff(t, orgId, ['doctor']));
    expect(
      (await doctor.post('/api/v1/departments', { code: 'x-ray', nameZh: '放射科', nameEn: 'Radiology' }))
        .statusCode,
    ).toBe(403);
    const other = await signIn(t, await createStaff(t, await createOrg(t), ['org_admin']));
    const list = (await other.get('/api/v1/departments')).json().items as { code: string }[];
    expect(list.map((d) => d.code)).not.toContain('cardiology');
  });
});

describe('staff', () => {
  it('changes roles and refuses an admin removing their own admin role', async () => {
    const nurse = await createStaff(t, orgId, ['nurse']);
    expect(
      (
        await admin.patch(`/api/v1/staff/${nurse.id}`, {
          roles: ['nurse', 'health_manager'],
          title: '主管护师',
        })
      ).statusCode,
    ).toBe(200);
    const staff = (await admin.get('/api/v1/staff?role=health_manager')).json().items as {
      id: string;
      title: string;
    }[];
    expect(staff.find((s) => s.id === nurse.id)?.title).toBe('主管护师');
    expect((await admin.patch(`/api/v1/staff/${adminId}`, { roles: ['doctor'] })).statusCode).toBe(422);
    expect((await admin.patch(`/api/v1/staff/${nurse.id}`, { roles: ['platform_admin'] })).statusCode).toBe(
      403,
    );
  });
});

describe('invitations', () => {
  it('invites by email, sends the link through the email adapter, and the new staff member must enrol MFA', async () => {
    const res = await admin.post('/api/v1/invitations', {
      email: 'New.Doctor@Example.com',
      name: '新医生',
      roles: ['doctor'],
    });
    expect(res.statusCode).toBe(201);
    const { acceptUrl } = res.json() as { acceptUrl: string };
    const token = new URL(acceptUrl).searchParams.get('token')!;
    const mail = await t.deps.db
      .selectFrom('outbound_messages')
      .select('body')
      .where('recipient_bidx', '=', t.deps.crypto.blindIndex('email', 'new.doctor@example.com'))
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain(token);

    const anonymous = new Client(t.app);
    expect(
      (await anonymous.post('/api/v1/invitations/accept', { token, password: 'short' })).statusCode,
    ).toBe(400);
    expect(
      (await anonymous.post('/api/v1/invitations/accept', { token, password: 'A-good-password-9' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await anonymous.post('/api/v1/invitations/accept', { token, password: 'A-good-password-9' }))
        .statusCode,
    ).toBe(401);

    const me = await anonymous.login('new.doctor@example.com', 'A-good-password-9');
    expect(me.mfa).toBe('enrolment_required');
    expect(
      (
        await admin.post('/api/v1/invitations', {
          email: 'new.doctor@example.com',
          name: 'x',
          roles: ['doctor'],
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('organizations', () => {
  it('lets only a platform admin create a tenant, with a valid time zone and a unique code', async () => {
    const platform = await createStaff(t, orgId, ['org_admin']);
    await t.deps.db
      .updateTable('accounts')
      .set({ is_platform_admin: true })
      .where('id', '=', platform.id)
      .execute();
    const p = await signIn(t, platform);
    const created = await p.post('/api/v1/organizations', {
      code: 'north-clinic',
      nameZh: '北区诊所',
      nameEn: 'North Clinic',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(
      (await p.post('/api/v1/organizations', { code: 'north-clinic', nameZh: 'x', nameEn: 'x' })).statusCode,
    ).toBe(409);
    const badTz = await p.post('/api/v1/organizations', {
      code: 'south',
      nameZh: 'x',
      nameEn: 'x',
      timeZone: 'Mars/Base',
    });
    expect(badTz.statusCode).toBe(400);
    expect(
      (await admin.post('/api/v1/organizations', { code: 'sneaky', nameZh: 'x', nameEn: 'x' })).statusCode,
    ).toBe(403);
    expect(
      ((await p.get('/api/v1/organizations')).json().items as { code: string }[]).map((o) => o.code),
    ).toContain('north-clinic');
  });
});
