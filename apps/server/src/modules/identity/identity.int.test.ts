import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  PASSWORD,
  totp,
  type TestApp,
} from '../../../test/harness.ts';

let t: TestApp;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '5' });
  orgId = await createOrg(t);
});
afterAll(() => t.close());

async function lastSms(phone: string) {
  const row = await t.deps.db
    .selectFrom('outbound_messages')
    .select('body')
    .where('recipient_bidx', '=', t.deps.crypto.blindIndex('phone', phone))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.body.match(/\d{6}/)?.[0] ?? null;
}

describe('password sign-in', () => {
  it('signs a patient in by phone and sets an httpOnly SameSite cookie', async () => {
    const { phone } = await createPatientAccount(t);
    const c = new Client(t.app);
    const res = await c.post('/api/v1/auth/login', { identifier: phone, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'patient', mfa: 'ok' });
    const cookie = res.cookies.find((k) => k.name === 'cl_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await c.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('answers a wrong password with 401 problem+json in the caller language', async () => {
    const { phone } = await createPatientAccount(t);
    const zh = new Client(t.app, 'zh-CN');
    const res = await zh.post('/api/v1/auth/login', { identifier: phone, password: 'wrong-password-1' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', title: '账号或密码错误', status: 401 });
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const { phone } = await createPatientAccount(t);
    const c = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 100; i++) {
      codes.push(
        (await c.post('/api/v1/auth/login', { identifier: phone, password: `wrong-${i}-pass` })).statusCode,
      );
    }
    expect(codes.slice(0, 4).every((s) => s === 401)).toBe(true);
    expect(codes.slice(5).every((s) => s === 429)).toBe(true);
    const right = await c.post('/api/v1/auth/login', { identifier: phone, password: PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  }, 60_000);

  it('rejects unknown fields, wrong types and malformed JSON with 400 naming the problem', async () => {
    const c = new Client(t.app);
    const unknown = await c.post('/api/v1/auth/login', { identifier: 'a@b.cn', password: 'x', admin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toContain('admin');
    const wrongType = await c.post('/api/v1/auth/login', { identifier: 123, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].path).toContain('identifier');
    const malformed = await c.request('POST', '/api/v1/auth/login', '{"identifier": ', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
    const huge = await c.request(
      'POST',
      '/api/v1/auth/login',
      JSON.stringify({ identifier: 'x'.repeat(2_000_000), password: 'x' }),
      {
        'content-type': 'application/json',
      },
    );
    expect(huge.statusCode).toBe(413);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { phone } = await createPatientAccount(t);
    const c = new Client(t.app);
    await c.login(phone);
    const res = await c.request(
      'PATCH',
      '/api/v1/me/preferences',
      { elderMode: true },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    const ok = await c.patch('/api/v1/me/preferences', { elderMode: true, locale: 'zh-CN' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ elderMode: true, locale: 'zh-CN' });
  });

  it('lists own sessions and revokes another one', async () => {
    const { phone } = await createPatientAccount(t);
    const laptop = new Client(t.app);
    await laptop.login(phone);
    const phoneApp = new Client(t.app);
    await phoneApp.login(phone);
    const list = (await laptop.get('/api/v1/auth/sessions')).json().items as {
      id: string;
      current: boolean;
    }[];
    expect(list).toHaveLength(2);
    const other = list.find((s) => !s.current)!;
    expect((await laptop.post(`/api/v1/auth/sessions/${other.id}/revoke`)).statusCode).toBe(200);
    expect((await phoneApp.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('logs out and the cookie stops working', async () => {
    const { phone } = await createPatientAccount(t);
    const c = new Client(t.app);
    await c.login(phone);
    const cookie = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(stale.statusCode).toBe(401);
  });
});

describe('SMS one-time code', () => {
  it('signs in with a code sent through the SMS adapter, once', async () => {
    const { phone } = await createPatientAccount(t);
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/sms-code', { phone })).statusCode).toBe(202);
    const code = await lastSms(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(
      (await c.post('/api/v1/auth/sms-login', { phone, code: code === '000000' ? '111111' : '000000' }))
        .statusCode,
    ).toBe(401);
    const ok = await c.post('/api/v1/auth/sms-login', { phone, code });
    expect(ok.statusCode).toBe(200);
    expect((await new Client(t.app).post('/api/v1/auth/sms-login', { phone, code })).statusCode).toBe(401);
  });

  it('registers a new patient with a registration code and resets a password', async () => {
    const phone = '13712345678';
    const c = new Client(t.app);
    await c.post('/api/v1/auth/register-code', { phone });
    const code = await lastSms(phone);
    const reg = await c.post('/api/v1/auth/register', {
      phone,
      code,
      password: 'Brand-new-pass-1',
      name: '新用户',
    });
    expect(reg.statusCode).toBe(200);
    expect(reg.json()).toMatchObject({ kind: 'patient', displayName: '新用户' });
    const weak = await c.post('/api/v1/auth/register', {
      phone: '13712345679',
      code: '123456',
      password: 'short',
      name: 'x',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.map((e: { path: string }) => e.path)).toContain('body.password');

    await c.post('/api/v1/auth/password-reset', { identifier: phone });
    const reset = await lastSms(phone);
    const done = await c.post('/api/v1/auth/password-reset/confirm', {
      identifier: phone,
      code: reset,
      newPassword: 'Another-pass-22',
    });
    expect(done.statusCode).toBe(200);
    expect(
      (await new Client(t.app).post('/api/v1/auth/login', { identifier: phone, password: 'Another-pass-22' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('password reset by email', () => {
  it('sends the code by email to a staff account without a phone, and the new password works', async () => {
    const staff = await createStaff(t, orgId, ['nurse']);
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/password-reset', { identifier: staff.email })).statusCode).toBe(202);
    const mail = await t.deps.db
      .selectFrom('outbound_messages')
      .select('body')
      .where('recipient_bidx', '=', t.deps.crypto.blindIndex('email', staff.email))
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const code = mail.body.match(/\d{6}/)![0];
    const done = await c.post('/api/v1/auth/password-reset/confirm', {
      identifier: staff.email,
      code,
      newPassword: 'Fresh-password-77',
    });
    expect(done.statusCode).toBe(200);
    expect(
      (
        await new Client(t.app).post('/api/v1/auth/login', {
          identifier: staff.email,
          password: 'Fresh-password-77',
        })
      ).statusCode,
    ).toBe(200);
    // Unknown accounts get the same answer and nothing is sent.
    expect(
      (await c.post('/api/v1/auth/password-reset', { identifier: 'nobody@example.com' })).statusCode,
    ).toBe(202);
  });
});

describe('two-step verification for staff', () => {
  it('makes staff enrol TOTP before anything else, then asks for a code at every sign-in', async () => {
    const { email } = await createStaff(t, orgId, ['doctor'], { enrolled: false });
    const c = new Client(t.app);
    const first = await c.login(email);
    expect(first.mfa).toBe('enrolment_required');
    const blocked = await c.get('/api/v1/patients');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('MFA_ENROLMENT_REQUIRED');

    const enrol = (await c.post('/api/v1/auth/mfa/enrolment')).json() as {
      secret: string;
      qrDataUrl: string;
      otpauthUrl: string;
    };
    expect(enrol.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.otpauthUrl).toContain('otpauth://totp/');
    expect((await c.post('/api/v1/auth/mfa/enrolment/confirm', { code: '000000' })).statusCode).toBe(401);
    const enrolCode = totp(enrol.secret);
    const confirmed = await c.post('/api/v1/auth/mfa/enrolment/confirm', { code: enrolCode });
    expect(confirmed.statusCode).toBe(200);
    const recovery = confirmed.json().recoveryCodes as string[];
    expect(recovery).toHaveLength(10);
    expect((await c.get('/api/v1/patients')).statusCode).toBe(200);

    const again = new Client(t.app);
    expect((await again.login(email)).mfa).toBe('required');
    expect((await again.get('/api/v1/patients')).json().code).toBe('MFA_REQUIRED');
    // The enrolment code's time step is spent: the same code is refused, the next step's code is accepted.
    const replay = await again.post('/api/v1/auth/mfa/verify', { code: enrolCode });
    expect(replay.statusCode).toBe(401);
    expect((await again.post('/api/v1/auth/mfa/verify', { code: totp(enrol.secret, 1) })).statusCode).toBe(
      200,
    );
    expect((await again.get('/api/v1/patients')).statusCode).toBe(200);

    const withRecovery = new Client(t.app);
    await withRecovery.login(email);
    expect((await withRecovery.post('/api/v1/auth/mfa/verify', { code: recovery[0] })).statusCode).toBe(200);
    const reuse = new Client(t.app);
    await reuse.login(email);
    expect((await reuse.post('/api/v1/auth/mfa/verify', { code: recovery[0] })).statusCode).toBe(401);
  });
});

describe('API tokens for integrations', () => {
  it('creates a scoped bearer token, stores only its hash, and stops it on revoke', async () => {
    const staff = await createStaff(t, orgId, ['doctor']);
    const c = new Client(t.app);
    await c.login(staff.email);
    await c.post('/api/v1/auth/mfa/verify', { code: totp(staff.secret!) });
    const created = await c.post('/api/v1/api-tokens', { name: 'lab interface', scopes: ['patients:read'] });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    const stored = await t.deps.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/patients', headers: bearer })).statusCode).toBe(
      200,
    );
    // Outside its scopes a token is refused, even where its owner's session would be allowed.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer })).statusCode,
    ).toBe(403);
    expect((await c.post(`/api/v1/api-tokens/${id}/revoke`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/patients', headers: bearer })).statusCode).toBe(
      401,
    );
  });
});
