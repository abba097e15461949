import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { loadConfig } from './config.ts';

const strong = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/careloop',
  SESSION_SECRET: randomBytes(32).toString('hex'),
  FIELD_ENCRYPTION_KEYS: `k7:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(32).toString('hex'),
};

describe('configuration', () => {
  it('defaults to 127.0.0.1:3000 with demo data in development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      demoData: true,
      demoMfaExempt: true,
      env: 'development',
    });
  });

  it('refuses to start in production with demo secrets or demo data, naming each problem', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SESSION_SECRET[\s\S]*FIELD_ENCRYPTION_KEYS[\s\S]*BLIND_INDEX_KEY[\s\S]*DATABASE_URL/,
    );
    expect(() => loadConfig({ ...strong, DEMO_DATA: 'true' })).toThrow(/DEMO_DATA/);
  });

  it('starts in production with real secrets, no demo data and no MFA exemption', () => {
    const c = loadConfig(strong);
    expect(c).toMatchObject({ demoData: false, demoMfaExempt: false, activeFieldKeyId: 'k7' });
  });

  it('takes no money and ships nothing through the self-paying dev transports in production unless told to', () => {
    expect(loadConfig({}).fulfilment).toEqual({ payments: 'dev', courier: 'dev' });
    expect(loadConfig(strong).fulfilment).toEqual({ payments: 'none', courier: 'none' });
    expect(loadConfig({ ...strong, PAYMENT_PROVIDER: 'dev' }).fulfilment.payments).toBe('dev');
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'paypal' })).toThrow(/PAYMENT_PROVIDER/);
  });

  it('rejects malformed values with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(() => loadConfig({ FIELD_ENCRYPTION_ACTIVE_KEY: 'nope' })).toThrow(/names no key/);
  });
});
