import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createFileStore } from './create-file-store.ts';
import { LocalEncryptedFileStore } from './local-file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

const s3Env = {
  S3_ENDPOINT: 'http://minio.internal:9000',
  S3_BUCKET: 'careloop-documents',
  S3_ACCESS_KEY_ID: 'careloop',
  S3_SECRET_ACCESS_KEY: 'a-long-minio-secret',
};

describe('file storage configuration', () => {
  it('keeps files under DATA_DIR/files by default, beside the embedded database', () => {
    expect(loadConfig({}).filesDir).toBe(path.join('.data', 'files'));
    expect(loadConfig({ DATA_DIR: '/var/lib/careloop' }).filesDir).toBe('/var/lib/careloop/files');
    expect(loadConfig({ FILES_DIR: '/srv/documents' }).filesDir).toBe('/srv/documents');
    expect(createFileStore(loadConfig({}))).toBeInstanceOf(LocalEncryptedFileStore);
  });

  it('derives file keys from the field keys when FILE_ENCRYPTION_KEYS is unset: same ids, other bytes', () => {
    const field = `k1:${randomBytes(32).toString('base64')},k2:${randomBytes(32).toString('base64')}`;
    const c = loadConfig({ FIELD_ENCRYPTION_KEYS: field });
    expect([...c.fileKeys.keys()]).toEqual(['k1', 'k2']);
    expect(c.activeFileKeyId).toBe('k2');
    expect(c.fileKeys.get('k1')).toHaveLength(32);
    expect(c.fileKeys.get('k1')!.equals(c.fieldKeys.get('k1')!)).toBe(false);
    expect(loadConfig({ FIELD_ENCRYPTION_KEYS: field }).fileKeys.get('k1')).toEqual(c.fileKeys.get('k1'));
    const pinned = loadConfig({ FIELD_ENCRYPTION_KEYS: field, FIELD_ENCRYPTION_ACTIVE_KEY: 'k1' });
    expect(pinned.activeFileKeyId).toBe('k1');
  });

  it('uses FILE_ENCRYPTION_KEYS when set, and checks them like the field keys', () => {
    const key = randomBytes(32);
    const c = loadConfig({ FILE_ENCRYPTION_KEYS: `f1:${key.toString('base64')}` });
    expect(c.fileKeys.get('f1')).toEqual(key);
    expect(c.activeFileKeyId).toBe('f1');
    expect(() => loadConfig({ FILE_ENCRYPTION_KEYS: 'f1:c2hvcnQ=' })).toThrow(
      /FILE_ENCRYPTION_KEYS: key f1 must be 32/,
    );
    expect(() => loadConfig({ FILE_ENCRYPTION_ACTIVE_KEY: 'nope' })).toThrow(/FILE_ENCRYPTION_ACTIVE_KEY/);
  });

  it('switches to S3 when the bucket is configured, with us-east-1 and virtual-hosted style by default', () => {
    const c = loadConfig(s3Env);
    expect(c.s3).toEqual({
      endpoint: 'http://minio.internal:9000',
      bucket: 'careloop-documents',
      accessKeyId: 'careloop',
      secretAccessKey: 'a-long-minio-secret',
      region: 'us-east-1',
      forcePathStyle: false,
      serverSideEncryption: null,
    });
    expect(createFileStore(c)).toBeInstanceOf(S3FileStore);
    const minio = loadConfig({ ...s3Env, S3_FORCE_PATH_STYLE: 'true', S3_REGION: 'cn-north-1' });
    expect(minio.s3).toMatchObject({ forcePathStyle: true, region: 'cn-north-1' });
  });

  it('refuses a half-configured bucket, naming what is missing', () => {
    const { S3_SECRET_ACCESS_KEY: _secret, ...partial } = s3Env;
    expect(() => loadConfig(partial)).toThrow(/S3_SECRET_ACCESS_KEY/);
  });
});
