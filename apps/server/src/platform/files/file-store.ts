// Where document bytes live: scanned reports, photos, PDFs. Metadata (title, patient, sha256, storage key) is in
// PostgreSQL; the bytes are in a FileStore, encrypted before they leave the process. Keys are opaque paths chosen by
// the caller, e.g. `documents/<orgId>/<documentId>`: never a name, phone or ID number.

export interface StoredFile {
  readonly key: string;
  /** Size of the plaintext in bytes. */
  readonly size: number;
  /** Hex SHA-256 of the plaintext, so the same file uploaded twice can be recognised. */
  readonly sha256: string;
}

export interface FileStore {
  /** Stores (or replaces) the bytes under `key`. Readers see the old bytes or the new ones, never a mixture. */
  put(key: string, bytes: Buffer, meta: { contentType: string }): Promise<StoredFile>;
  /** The plaintext bytes; throws FileStoreError FILE_NOT_FOUND or FILE_TAMPERED. */
  get(key: string): Promise<Buffer>;
  /** Removes the file; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export type FileStoreErrorCode =
  /** No file under this key. */
  | 'FILE_NOT_FOUND'
  /** The stored bytes fail authentication: altered, truncated, or moved from another key. */
  | 'FILE_TAMPERED'
  /** The file was written with a key id that is no longer configured. */
  | 'FILE_KEY_MISSING'
  /** The key is not a safe relative path. */
  | 'INVALID_KEY'
  /** The storage backend failed (disk error, bucket unreachable, request refused). */
  | 'STORAGE_FAILED';

export class FileStoreError extends Error {
  readonly code: FileStoreErrorCode;

  constructor(code: FileStoreErrorCode, message: string = code, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileStoreError';
    this.code = code;
  }
}

export function isFileNotFound(error: unknown): boolean {
  return error instanceof FileStoreError && error.code === 'FILE_NOT_FOUND';
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Keys are relative paths of safe segments (no `..`, no leading slash, no empty segment), at most 512 characters. */
export function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > 512 || !KEY_PATTERN.test(key) || key.split('/').includes('..')) {
    throw new FileStoreError('INVALID_KEY', 'file keys are relative paths of [A-Za-z0-9._-] segments');
  }
}
