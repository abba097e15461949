import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('route access rules', () => {
  it('every route declares an access rule', () => {
    const missing = t.app.routeTable.filter((r) => r.access.startsWith('MISSING'));
    expect(missing).toEqual([]);
  });

  it('matches the reviewed table (update the snapshot when access control changes on purpose)', () => {
    const table = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1') || ['/healthz', '/readyz', '/metrics'].includes(r.url))
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(52)} ${r.access}`)
      .sort();
    expect(table).toMatchSnapshot();
  });

  it('only sign-in, recovery, operations and signed provider callback routes are public', () => {
    const publicApi = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1') && r.access === 'public')
      .map((r) => r.url);
    for (const url of publicApi)
      expect(url).toMatch(
        // Payment and courier callbacks carry no session; their body must carry a valid HMAC signature.
        /^\/api\/v1\/(auth\/(login|sms-code|sms-login|register|register-code|password-reset(\/confirm)?)|invitations\/accept|payments\/callbacks\/:provider|courier\/callbacks\/:courier)$/,
      );
  });
});
