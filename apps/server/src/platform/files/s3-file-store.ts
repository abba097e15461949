import { createHash } from 'node:crypto';
import type { S3Config } from '../../config.ts';
import { openFile, sealFile, type FileKeyring } from './envelope.ts';
import { FileStoreError, assertValidKey, type FileStore, type StoredFile } from './file-store.ts';
import { authorization, encodeKeyPath, encodeRfc3986, payloadSha256, toAmzDate } from './s3-signature.ts';

export interface S3FileStoreOptions {
  /** The fetch to use (tests pass one that records calls); the global fetch by default. */
  fetch?: typeof fetch;
  /** Per-request timeout, 30 s by default. */
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS) over plain HTTP requests signed with
 * AWS Signature Version 4. Objects are encrypted with the same envelope as the local store before they are sent, so
 * the provider only ever holds ciphertext; S3_SERVER_SIDE_ENCRYPTION can add the provider's own encryption on top.
 */
export class S3FileStore implements FileStore {
  readonly #config: S3Config;
  readonly #keyring: FileKeyring;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #now: () => Date;

  constructor(config: S3Config, keyring: FileKeyring, options: S3FileStoreOptions = {}) {
    this.#config = config;
    this.#keyring = keyring;
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#now = options.now ?? (() => new Date());
  }

  /** Virtual-hosted style (bucket.host/key) unless path style is forced (host/bucket/key). */
  #target(key: string): { url: string; host: string; path: string } {
    assertValidKey(key);
    const endpoint = new URL(this.#config.endpoint);
    const base = endpoint.pathname.replace(/\/+$/, '');
    const objectPath = encodeKeyPath(key);
    const host = this.#config.forcePathStyle ? endpoint.host : `${this.#config.bucket}.${endpoint.host}`;
    const path = this.#config.forcePathStyle
      ? `${base}/${encodeRfc3986(this.#config.bucket)}/${objectPath}`
      : `${base}/${objectPath}`;
    return { url: `${endpoint.protocol}//${host}${path}`, host, path };
  }

  async #send(
    method: 'PUT' | 'GET' | 'HEAD' | 'DELETE',
    key: string,
    body: Buffer | null = null,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const { url, host, path } = this.#target(key);
    const payloadHash = payloadSha256(body);
    const headers: Record<string, string> = {
      host,
      'x-amz-date': toAmzDate(this.#now()),
      'x-amz-content-sha256': payloadHash,
      ...extraHeaders,
    };
    const auth = authorization({ method, path, headers, payloadHash }, this.#config, {
      amzDate: headers['x-amz-date']!,
      region: this.#config.region,
      service: 's3',
    });
    // fetch derives Host from the URL (the same value that was signed); it may not be set by hand.
    const { host: _host, ...sent } = headers;
    try {
      return await this.#fetch(url, {
        method,
        headers: { ...sent, authorization: auth },
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new FileStoreError('STORAGE_FAILED', `object storage ${method} failed`, { cause: error });
    }
  }

  async put(key: string, bytes: Buffer, _meta: { contentType: string }): Promise<StoredFile> {
    const sealed = sealFile(bytes, key, this.#keyring);
    const sse = this.#config.serverSideEncryption;
    const response = await this.#send('PUT', key, sealed, {
      'content-type': 'application/octet-stream',
      ...(sse ? { 'x-amz-server-side-encryption': sse } : {}),
    });
    await expectOk(response, 'PUT');
    return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.#send('GET', key);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new FileStoreError('FILE_NOT_FOUND', 'no file under this key');
    }
    await expectOk(response, 'GET');
    return openFile(Buffer.from(await response.arrayBuffer()), key, this.#keyring);
  }

  async delete(key: string): Promise<void> {
    const response = await this.#send('DELETE', key);
    if (response.status === 404) {
      await response.body?.cancel();
      return;
    }
    await expectOk(response, 'DELETE');
    await response.body?.cancel();
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.#send('HEAD', key);
    await response.body?.cancel();
    if (response.status === 404) return false;
    if (!response.ok) throw storageFailed(response, 'HEAD');
    return true;
  }
}

function storageFailed(response: Response, method: string): FileStoreError {
  // The provider's error body may echo request details; only the status is kept.
  return new FileStoreError('STORAGE_FAILED', `object storage ${method} answered ${response.status}`);
}

async function expectOk(response: Response, method: string): Promise<void> {
  if (response.ok) return;
  await response.body?.cancel();
  throw storageFailed(response, method);
}
