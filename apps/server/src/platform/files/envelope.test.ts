import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envelopeKeyId, openFile, sealFile, type FileKeyring } from './envelope.ts';
import { FileStoreError } from './file-store.ts';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring = (activeKeyId: string, keys: Record<string, Buffer> = { k1, k2 }): FileKeyring => ({
  keys: new Map(Object.entries(keys)),
  activeKeyId,
});
const report = Buffer.from('%PDF-1.7 血常规 白细胞 6.1 王建国 110101197208091234');
const KEY = 'documents/org-1/doc-1';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof FileStoreError ? error.code : `not a FileStoreError: ${String(error)}`;
  }
  return undefined;
}

describe('file envelope', () => {
  it('opens what it sealed, and seals the same bytes differently each time', () => {
    const a = sealFile(report, KEY, ring('k1'));
    const b = sealFile(report, KEY, ring('k1'));
    expect(openFile(a, KEY, ring('k1'))).toEqual(report);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(report)).toBe(false);
    expect(a.includes(Buffer.from('110101197208091234'))).toBe(false);
  });

  it('seals an empty file', () => {
    expect(openFile(sealFile(Buffer.alloc(0), KEY, ring('k1')), KEY, ring('k1'))).toEqual(Buffer.alloc(0));
  });

  it('detects a change to any byte: header, wrapped key, ciphertext or tag', () => {
    const sealed = sealFile(report, KEY, ring('k1'));
    for (let i = 0; i < sealed.length; i++) {
      const altered = Buffer.from(sealed);
      altered[i] = altered[i]! ^ 0x01;
      expect(
        codeOf(() => openFile(altered, KEY, ring('k1'))),
        `byte ${i}`,
      ).toMatch(/FILE_TAMPERED|FILE_KEY_MISSING/);
    }
  });

  it('detects truncation and bytes that are not an envelope', () => {
    const sealed = sealFile(report, KEY, ring('k1'));
    expect(codeOf(() => openFile(sealed.subarray(0, sealed.length - 1), KEY, ring('k1')))).toBe(
      'FILE_TAMPERED',
    );
    expect(codeOf(() => openFile(sealed.subarray(0, 20), KEY, ring('k1')))).toBe('FILE_TAMPERED');
    expect(codeOf(() => openFile(Buffer.alloc(0), KEY, ring('k1')))).toBe('FILE_TAMPERED');
    expect(codeOf(() => openFile(report, KEY, ring('k1')))).toBe('FILE_TAMPERED');
  });

  it('does not open under another storage key (a file copied over another patient’s document)', () => {
    const sealed = sealFile(report, KEY, ring('k1'));
    expect(codeOf(() => openFile(sealed, 'documents/org-1/doc-2', ring('k1')))).toBe('FILE_TAMPERED');
  });

  it('opens a file written under an old key after a new key becomes active', () => {
    const old = sealFile(report, KEY, ring('k1', { k1 }));
    const rotated = ring('k2');
    expect(envelopeKeyId(old)).toBe('k1');
    expect(openFile(old, KEY, rotated)).toEqual(report);
    expect(envelopeKeyId(sealFile(report, KEY, rotated))).toBe('k2');
  });

  it('names a missing key rather than calling the file tampered', () => {
    const sealed = sealFile(report, KEY, ring('k2'));
    expect(codeOf(() => openFile(sealed, KEY, ring('k1', { k1 })))).toBe('FILE_KEY_MISSING');
  });

  it('rejects a key with the right id but different bytes', () => {
    const sealed = sealFile(report, KEY, ring('k1'));
    expect(codeOf(() => openFile(sealed, KEY, ring('k1', { k1: randomBytes(32) })))).toBe('FILE_TAMPERED');
  });
});
