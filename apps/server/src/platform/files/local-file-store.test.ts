import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envelopeKeyId, type FileKeyring } from './envelope.ts';
import { FileStoreError } from './file-store.ts';
import { LocalEncryptedFileStore } from './local-file-store.ts';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring = (activeKeyId: string, keys: Record<string, Buffer> = { k1, k2 }): FileKeyring => ({
  keys: new Map(Object.entries(keys)),
  activeKeyId,
});
const PDF = { contentType: 'application/pdf' };
const report = Buffer.from('%PDF-1.7 体检报告 王建国 空腹血糖 7.4 mmol/L');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FileStoreError) return error.code;
    throw error;
  }
  throw new Error('expected a FileStoreError');
}

describe('LocalEncryptedFileStore', () => {
  let dir: string;
  let store: LocalEncryptedFileStore;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'careloop-files-'));
    store = new LocalEncryptedFileStore(dir, ring('k1'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the bytes it stored, with their size and SHA-256', async () => {
    const stored = await store.put('documents/org-1/doc-1', report, PDF);
    expect(stored).toEqual({
      key: 'documents/org-1/doc-1',
      size: report.length,
      sha256: createHash('sha256').update(report).digest('hex'),
    });
    expect(await store.get('documents/org-1/doc-1')).toEqual(report);
    expect(await store.exists('documents/org-1/doc-1')).toBe(true);
  });

  it('keeps only ciphertext on disk, in sharded directories named by a hash of the key', async () => {
    await store.put('documents/org-1/doc-1', report, PDF);
    const files = await filesUnder(dir);
    expect(files).toHaveLength(1);
    const relative = path.relative(dir, files[0]!);
    expect(relative).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(relative).not.toContain('doc-1');
    const onDisk = await readFile(files[0]!);
    expect(onDisk.includes(report)).toBe(false);
    expect(onDisk.includes(Buffer.from('王建国'))).toBe(false);
    expect(onDisk.includes(Buffer.from('空腹血糖'))).toBe(false);
  });

  it('refuses a file changed on disk', async () => {
    await store.put('documents/org-1/doc-1', report, PDF);
    const file = store.pathOf('documents/org-1/doc-1');
    const bytes = await readFile(file);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    await writeFile(file, bytes);
    expect(await failure(store.get('documents/org-1/doc-1'))).toBe('FILE_TAMPERED');
  });

  it('refuses a file copied over another key', async () => {
    await store.put('documents/org-1/doc-1', report, PDF);
    await store.put('documents/org-1/doc-2', Buffer.from('other'), PDF);
    await writeFile(
      store.pathOf('documents/org-1/doc-2'),
      await readFile(store.pathOf('documents/org-1/doc-1')),
    );
    expect(await failure(store.get('documents/org-1/doc-2'))).toBe('FILE_TAMPERED');
  });

  it('reads a file written under an old key after a new key becomes current', async () => {
    const before = new LocalEncryptedFileStore(dir, ring('k1', { k1 }));
    await before.put('documents/org-1/old', report, PDF);
    const after = new LocalEncryptedFileStore(dir, ring('k2'));
    await after.put('documents/org-1/new', Buffer.from('new'), PDF);
    expect(await after.get('documents/org-1/old')).toEqual(report);
    expect(envelopeKeyId(await readFile(after.pathOf('documents/org-1/old')))).toBe('k1');
    expect(envelopeKeyId(await readFile(after.pathOf('documents/org-1/new')))).toBe('k2');
    // Dropping the old key too early is reported as such, not as tampering.
    const withoutOld = new LocalEncryptedFileStore(dir, ring('k2', { k2 }));
    expect(await failure(withoutOld.get('documents/org-1/old'))).toBe('FILE_KEY_MISSING');
  });

  it('answers FILE_NOT_FOUND for a missing key, and deleting it twice is fine', async () => {
    expect(await failure(store.get('documents/org-1/nope'))).toBe('FILE_NOT_FOUND');
    expect(await store.exists('documents/org-1/nope')).toBe(false);
    await store.put('documents/org-1/doc-1', report, PDF);
    await store.delete('documents/org-1/doc-1');
    await store.delete('documents/org-1/doc-1');
    expect(await store.exists('documents/org-1/doc-1')).toBe(false);
    expect(await failure(store.get('documents/org-1/doc-1'))).toBe('FILE_NOT_FOUND');
  });

  it('replaces a file atomically when many writers put the same key at once', async () => {
    const versions = Array.from({ length: 40 }, (_, i) => Buffer.from(`version ${i} `.repeat(2000 + i)));
    await Promise.all(versions.map((v) => store.put('documents/org-1/busy', v, PDF)));
    const read = await store.get('documents/org-1/busy');
    expect(versions.some((v) => v.equals(read))).toBe(true);
    const files = await filesUnder(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toMatch(/\.tmp$/);
  });

  it('reads whole files while they are being replaced', async () => {
    const a = Buffer.alloc(300_000, 'a');
    const b = Buffer.alloc(300_000, 'b');
    await store.put('documents/org-1/doc', a, PDF);
    const writes = Array.from({ length: 10 }, (_, i) => store.put('documents/org-1/doc', i % 2 ? a : b, PDF));
    const reads = Array.from({ length: 10 }, () => store.get('documents/org-1/doc'));
    await Promise.all(writes);
    for (const bytes of await Promise.all(reads)) expect(bytes.equals(a) || bytes.equals(b)).toBe(true);
  });

  it.each(['../etc/passwd', '/absolute', 'a//b', 'a/./b', '', 'documents/org 1/x', 'a\\b'])(
    'rejects the unsafe key %j',
    async (key) => {
      expect(await failure(store.put(key, report, PDF))).toBe('INVALID_KEY');
      expect(await failure(store.get(key))).toBe('INVALID_KEY');
    },
  );
});
