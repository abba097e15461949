import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { S3Config } from '../../config.ts';
import type { FileKeyring } from './envelope.ts';
import { FileStoreError } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';
import { signature } from './s3-signature.ts';

const ACCESS_KEY = 'CARELOOPTESTKEY';
const SECRET = 'test-secret-0123456789abcdefghijklmnop';
const keyring: FileKeyring = { keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1' };
const PDF = { contentType: 'application/pdf' };
const report = Buffer.from('%PDF-1.7 体检报告 王建国 空腹血糖 7.4 mmol/L');

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  verified: boolean;
}

/**
 * A minimal S3 in memory: it answers PUT, GET, HEAD and DELETE on /bucket/key, and like S3 it recomputes each
 * request's Signature Version 4 from the headers it received and refuses (403) any request whose signature or
 * payload hash does not match.
 */
class FakeS3 {
  readonly objects = new Map<string, Buffer>();
  readonly received: Received[] = [];
  #server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const path = (req.url ?? '/').split('?')[0]!;
        const verified = this.#verify(req, path, body);
        this.received.push({ method: req.method ?? '', path, headers: req.headers, verified });
        if (!verified) return res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        const object = this.objects.get(path);
        switch (req.method ?? '') {
          case 'PUT':
            this.objects.set(path, body);
            return res.writeHead(200, { etag: '"x"' }).end();
          case 'GET':
            return object
              ? res.writeHead(200).end(object)
              : res.writeHead(404).end('<Error>NoSuchKey</Error>');
          case 'HEAD':
            return res.writeHead(object ? 200 : 404, { 'content-length': object?.length ?? 0 }).end();
          case 'DELETE':
            this.objects.delete(path);
            return res.writeHead(204).end();
          default:
            return res.writeHead(405).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server?.close(() => resolve()));
  }

  #verify(req: IncomingMessage, path: string, body: Buffer): boolean {
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
        req.headers.authorization ?? '',
      );
    if (!match) return false;
    const [, accessKey, date, region, signed, given] = match as unknown as string[];
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    const names = signed!.split(';');
    if (accessKey !== ACCESS_KEY || !amzDate.startsWith(date!)) return false;
    if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((n) => names.includes(n))) return false;
    if (createHash('sha256').update(body).digest('hex') !== payloadHash) return false;
    const headers = Object.fromEntries(names.map((n) => [n, String(req.headers[n] ?? '')]));
    const expected = signature(
      { method: req.method ?? '', path, headers, payloadHash },
      { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      { amzDate, region: region!, service: 's3' },
    );
    return expected === given;
  }
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

describe('S3FileStore against a signature-checking S3 server', () => {
  const s3 = new FakeS3();
  const config = (overrides: Partial<S3Config> = {}): S3Config => ({
    endpoint: s3.url,
    bucket: 'careloop-documents',
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET,
    region: 'us-east-1',
    forcePathStyle: true,
    serverSideEncryption: null,
    ...overrides,
  });

  beforeAll(() => s3.start());
  afterAll(() => s3.stop());
  beforeEach(() => {
    s3.objects.clear();
    s3.received.length = 0;
  });

  it('stores and reads back a document, every request correctly signed', async () => {
    const store = new S3FileStore(config(), keyring);
    const stored = await store.put('documents/org-1/doc-1', report, PDF);
    expect(stored.size).toBe(report.length);
    expect(stored.sha256).toBe(createHash('sha256').update(report).digest('hex'));
    expect(await store.exists('documents/org-1/doc-1')).toBe(true);
    expect(await store.get('documents/org-1/doc-1')).toEqual(report);
    expect(s3.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /careloop-documents/documents/org-1/doc-1',
      'HEAD /careloop-documents/documents/org-1/doc-1',
      'GET /careloop-documents/documents/org-1/doc-1',
    ]);
    expect(s3.received.every((r) => r.verified)).toBe(true);
  });

  it('sends the provider only ciphertext', async () => {
    await new S3FileStore(config(), keyring).put('documents/org-1/doc-1', report, PDF);
    const object = s3.objects.get('/careloop-documents/documents/org-1/doc-1')!;
    expect(object.includes(report)).toBe(false);
    expect(object.includes(Buffer.from('王建国'))).toBe(false);
    expect(s3.received[0]!.headers['content-type']).toBe('application/octet-stream');
    expect(s3.received[0]!.headers['x-amz-server-side-encryption']).toBeUndefined();
  });

  it('asks for server-side encryption too when configured', async () => {
    await new S3FileStore(config({ serverSideEncryption: 'AES256' }), keyring).put(
      'documents/x',
      report,
      PDF,
    );
    expect(s3.received[0]!.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(s3.received[0]!.verified).toBe(true);
  });

  it('answers FILE_NOT_FOUND for a missing object, and deletes idempotently', async () => {
    const store = new S3FileStore(config(), keyring);
    expect(await failure(store.get('documents/none'))).toBe('FILE_NOT_FOUND');
    expect(await store.exists('documents/none')).toBe(false);
    await store.put('documents/doc', report, PDF);
    await store.delete('documents/doc');
    await store.delete('documents/doc');
    expect(await store.exists('documents/doc')).toBe(false);
  });

  it('detects an object altered in the bucket', async () => {
    const store = new S3FileStore(config(), keyring);
    await store.put('documents/doc', report, PDF);
    const object = s3.objects.get('/careloop-documents/documents/doc')!;
    object[object.length - 1] = object[object.length - 1]! ^ 0x01;
    expect(await failure(store.get('documents/doc'))).toBe('FILE_TAMPERED');
  });

  it('fails with STORAGE_FAILED when the provider refuses the signature', async () => {
    const store = new S3FileStore(config({ secretAccessKey: 'wrong-secret' }), keyring);
    expect(await failure(store.put('documents/doc', report, PDF))).toBe('STORAGE_FAILED');
    expect(await failure(store.exists('documents/doc'))).toBe('STORAGE_FAILED');
    expect(s3.objects.size).toBe(0);
  });

  it('fails with STORAGE_FAILED when the provider cannot be reached', async () => {
    const store = new S3FileStore(config({ endpoint: 'http://127.0.0.1:9' }), keyring, { timeoutMs: 2000 });
    expect(await failure(store.get('documents/doc'))).toBe('STORAGE_FAILED');
  });
});

describe('S3FileStore addressing', () => {
  it('uses virtual-hosted style by default and signs the bucket host', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const recordingFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    const store = new S3FileStore(
      {
        endpoint: 'https://s3.cn-north-1.amazonaws.com.cn',
        bucket: 'careloop-docs',
        accessKeyId: ACCESS_KEY,
        secretAccessKey: SECRET,
        region: 'cn-north-1',
        forcePathStyle: false,
        serverSideEncryption: null,
      },
      keyring,
      { fetch: recordingFetch, now: () => new Date('2025-03-18T02:30:00Z') },
    );
    await store.delete('documents/org-1/doc-1');
    const call = calls[0]!;
    expect(call.url).toBe('https://careloop-docs.s3.cn-north-1.amazonaws.com.cn/documents/org-1/doc-1');
    const headers = call.init.headers as Record<string, string>;
    expect(headers['x-amz-date']).toBe('20250318T023000Z');
    const expected = signature(
      {
        method: 'DELETE',
        path: '/documents/org-1/doc-1',
        headers: {
          host: 'careloop-docs.s3.cn-north-1.amazonaws.com.cn',
          'x-amz-date': headers['x-amz-date']!,
          'x-amz-content-sha256': headers['x-amz-content-sha256']!,
        },
        payloadHash: headers['x-amz-content-sha256']!,
      },
      { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      { amzDate: '20250318T023000Z', region: 'cn-north-1', service: 's3' },
    );
    expect(headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20250318/cn-north-1/s3/aws4_request,` +
        `SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=${expected}`,
    );
  });
});
