import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerOptions } from '../src/platform/logging.ts';
import { createTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    const metrics = await t.app.inject('/metrics');
    expect(metrics.body).toContain('http_request_duration_seconds');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes the OpenAPI document generated from the zod schemas', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/patients/{id}']),
    );
    expect(doc.paths['/api/v1/auth/login']!.post!.requestBody).toBeDefined();
    expect((await t.app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('sends a strict CSP and security headers, and a request id', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-embedder-policy']).toBeUndefined();
    // The same headers on a refusal and on an unknown route.
    for (const path of ['/api/v1/auth/me', '/api/v1/no-such-route']) {
      const other = await t.app.inject(path);
      expect(other.statusCode, path).toBeGreaterThanOrEqual(400);
      expect(other.headers['content-security-policy'], path).toBe(res.headers['content-security-policy']);
      expect(other.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('answers unknown routes and unsupported media types with problem+json', async () => {
    const missing = await t.app.inject('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ROUTE_NOT_FOUND');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('asks for sign-in before validating a protected route body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/patients', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('NOT_AUTHENTICATED');
  });
});

describe('logging', () => {
  it('redacts credentials and personal fields and drops query strings', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = pino(loggerOptions('info'), sink);
    log.info({ req: { method: 'GET', url: '/api/v1/patients?q=13800000001', id: 'r1' } }, 'request');
    log.info(
      { body: { phone: '13800000001', nationalId: '11010519491231002X', password: 'secret-pass' } },
      'x',
    );
    const text = lines.join('');
    for (const secret of ['13800000001', '11010519491231002X', 'secret-pass'])
      expect(text).not.toContain(secret);
    expect(text).toContain('/api/v1/patients');
  });
});
