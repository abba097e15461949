import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { FieldCrypto, maskPhone } from './field-crypto.ts';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('field encryption', () => {
  it('round-trips with a fresh IV each time and refuses tampered ciphertext', () => {
    const c = new FieldCrypto(new Map([['k1', k1]]), 'k1', 'blind-index-key-0123456789-0123456789');
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(c.decrypt(a)).toBe('11010519491231002X');
    const parts = a.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
  });

  it('rotates keys: new writes use the active key, old values still decrypt', () => {
    const old = new FieldCrypto(new Map([['k1', k1]]), 'k1', 'blind-index-key-0123456789-0123456789');
    const rotated = new FieldCrypto(
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      'k2',
      'blind-index-key-0123456789-0123456789',
    );
    const before = old.encrypt('13800000001');
    expect(rotated.decrypt(before)).toBe('13800000001');
    expect(rotated.encrypt('x').split('.')[1]).toBe('k2');
  });

  it('gives the same blind index for the same normalised value and different ones per kind', () => {
    const c = new FieldCrypto(new Map([['k1', k1]]), 'k1', 'blind-index-key-0123456789-0123456789');
    expect(c.blindIndex('phone', '+86 138-0000-0001')).toBe(c.blindIndex('phone', '13800000001'));
    expect(c.blindIndex('national_id', '11010519491231002x')).toBe(
      c.blindIndex('national_id', '11010519491231002X'),
    );
    expect(c.blindIndex('phone', '13800000001')).not.toBe(c.blindIndex('national_id', '13800000001'));
    expect(maskPhone('13800000001')).toBe('138****0001');
  });
});
