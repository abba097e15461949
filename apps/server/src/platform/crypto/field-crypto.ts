import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Field encryption for personal identifiers: AES-256-GCM with a fresh 96-bit IV per value and the key id stored
 * beside the ciphertext, so keys can be rotated (new writes use the active key, old values still decrypt).
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export class FieldCrypto {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #activeKeyId: string;
  readonly #blindKey: Buffer;

  constructor(keys: ReadonlyMap<string, Buffer>, activeKeyId: string, blindIndexKey: string) {
    if (!keys.has(activeKeyId)) throw new Error('active field key missing');
    this.#keys = keys;
    this.#activeKeyId = activeKeyId;
    this.#blindKey = Buffer.from(blindIndexKey, 'utf8');
  }

  encrypt(plaintext: string): string {
    const key = this.#keys.get(this.#activeKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(this.#activeKeyId));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      'v1',
      this.#activeKeyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      ct.toString('base64url'),
    ].join('.');
  }

  decrypt(value: string): string {
    const [version, keyId, iv, tag, ct] = value.split('.');
    if (version !== 'v1' || !keyId || !iv || !tag || ct === undefined)
      throw new Error('unrecognised ciphertext');
    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`field key ${keyId} is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptNullable(value: string | null | undefined): string | null {
    return value == null || value === '' ? null : this.encrypt(value);
  }

  decryptNullable(value: string | null | undefined): string | null {
    return value == null ? null : this.decrypt(value);
  }

  encryptJson(value: unknown): string | null {
    return value == null ? null : this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(value: string | null | undefined): T | null {
    return value == null ? null : (JSON.parse(this.decrypt(value)) as T);
  }

  /** Keyed HMAC of a normalised value: exact lookup without storing the value in the clear. */
  blindIndex(kind: 'phone' | 'national_id' | 'email', value: string): string {
    return createHmac('sha256', this.#blindKey)
      .update(`${kind}:${normalise(kind, value)}`)
      .digest('base64url');
  }
}

export function normalise(kind: 'phone' | 'national_id' | 'email', value: string): string {
  const v = value.trim();
  switch (kind) {
    case 'phone': {
      const digits = v.replace(/[\s()-]/g, '');
      return digits.startsWith('+86') ? digits.slice(3) : digits;
    }
    case 'national_id':
      return v.toUpperCase();
    case 'email':
      return v.toLowerCase();
  }
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const p = normalise('phone', phone);
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}

export function maskNationalId(id: string | null): string | null {
  if (!id) return null;
  return id.length > 8 ? `${id.slice(0, 4)}**********${id.slice(-4)}` : '****';
}
