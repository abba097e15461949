// Document storage: encrypted at rest on the local disk or in an S3-compatible bucket.
export {
  FileStoreError,
  isFileNotFound,
  type FileStore,
  type FileStoreErrorCode,
  type StoredFile,
} from './file-store.ts';
export { envelopeKeyId, type FileKeyring } from './envelope.ts';
export { LocalEncryptedFileStore } from './local-file-store.ts';
export { S3FileStore, type S3FileStoreOptions } from './s3-file-store.ts';
export { createFileStore, fileKeyringFrom } from './create-file-store.ts';
