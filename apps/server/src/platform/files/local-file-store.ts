import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { openFile, sealFile, type FileKeyring } from './envelope.ts';
import { FileStoreError, assertValidKey, type FileStore, type StoredFile } from './file-store.ts';

/**
 * Files on the local disk, each encrypted at rest (envelope.ts). A key maps to `<dir>/ab/cd/<sha256 of key>`: two
 * levels of 256 shards keep directories small, and the key itself (which may hold ids) never appears on disk.
 * Writes go to a temporary file in the same directory, are flushed, then renamed over the target, so a reader or a
 * crash sees the old file or the new one, and concurrent writers of one key never interleave.
 */
export class LocalEncryptedFileStore implements FileStore {
  readonly #dir: string;
  readonly #keyring: FileKeyring;

  constructor(dir: string, keyring: FileKeyring) {
    this.#dir = path.resolve(dir);
    this.#keyring = keyring;
  }

  /** Where the encrypted bytes of `key` live (for tests and operators; the name reveals nothing about the key). */
  pathOf(key: string): string {
    assertValidKey(key);
    const digest = createHash('sha256').update(key, 'utf8').digest('hex');
    return path.join(this.#dir, digest.slice(0, 2), digest.slice(2, 4), digest);
  }

  async put(key: string, bytes: Buffer, _meta: { contentType: string }): Promise<StoredFile> {
    const target = this.pathOf(key);
    const sealed = sealFile(bytes, key, this.#keyring);
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(sealed);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw new FileStoreError('STORAGE_FAILED', 'could not write the file', { cause: error });
    }
    return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    const file = this.pathOf(key);
    let sealed: Buffer;
    try {
      sealed = await readFile(file);
    } catch (error) {
      if (isMissing(error)) throw new FileStoreError('FILE_NOT_FOUND', 'no file under this key');
      throw new FileStoreError('STORAGE_FAILED', 'could not read the file', { cause: error });
    }
    return openFile(sealed, key, this.#keyring);
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await rm(file, { force: true });
    } catch (error) {
      throw new FileStoreError('STORAGE_FAILED', 'could not delete the file', { cause: error });
    }
  }

  async exists(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw new FileStoreError('STORAGE_FAILED', 'could not check the file', { cause: error });
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
