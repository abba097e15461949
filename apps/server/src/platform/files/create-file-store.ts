import type { Config } from '../../config.ts';
import type { FileKeyring } from './envelope.ts';
import type { FileStore } from './file-store.ts';
import { LocalEncryptedFileStore } from './local-file-store.ts';
import { S3FileStore, type S3FileStoreOptions } from './s3-file-store.ts';

export function fileKeyringFrom(config: Config): FileKeyring {
  return { keys: config.fileKeys, activeKeyId: config.activeFileKeyId };
}

/**
 * The document store the configuration asks for: an S3-compatible bucket when S3_ENDPOINT, S3_BUCKET and the
 * access keys are set, otherwise encrypted files under FILES_DIR (default <DATA_DIR>/files). Both encrypt every
 * file with the keys from FILE_ENCRYPTION_KEYS (or derived from FIELD_ENCRYPTION_KEYS).
 *
 * Meant to be created once at start beside the other dependencies, e.g. in createDeps:
 *   files: createFileStore(config)
 * and used by modules as `deps.files.put(`documents/${orgId}/${documentId}`, bytes, { contentType })`.
 */
export function createFileStore(config: Config, options: S3FileStoreOptions = {}): FileStore {
  const keyring = fileKeyringFrom(config);
  return config.s3
    ? new S3FileStore(config.s3, keyring, options)
    : new LocalEncryptedFileStore(config.filesDir, keyring);
}
