import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 for S3 requests with the signature in the Authorization header, as specified in the S3 API
// Reference, "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html). MinIO, Aliyun OSS, Tencent COS
// and other S3-compatible stores accept the same signature. Pure functions, no I/O.

export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface SigV4Request {
  readonly method: string;
  /** The path exactly as sent, already URI-encoded (see encodeKeyPath). */
  readonly path: string;
  /** Query parameters, not encoded; a parameter without a value is ''. */
  readonly query?: Readonly<Record<string, string>>;
  /** Every header to sign, including host and x-amz-date; names in any case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body (the x-amz-content-sha256 value). */
  readonly payloadHash: string;
}

export interface SigV4Scope {
  /** YYYYMMDDTHHMMSSZ, the x-amz-date value. */
  readonly amzDate: string;
  readonly region: string;
  readonly service: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ (what S3 expects in paths and query strings). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** An object key as a request path: each segment encoded once, slashes kept. */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeRfc3986).join('/');
}

/** 20130524T000000Z for 2013-05-24T00:00:00Z. */
export function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function canonicalRequest(request: SigV4Request): { canonical: string; signedHeaders: string } {
  const query = Object.entries(request.query ?? {})
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonical = [
    request.method.toUpperCase(),
    request.path || '/',
    query,
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  return { canonical, signedHeaders };
}

export function credentialScope(scope: SigV4Scope): string {
  return `${scope.amzDate.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;
}

export function stringToSign(canonical: string, scope: SigV4Scope): string {
  return ['AWS4-HMAC-SHA256', scope.amzDate, credentialScope(scope), sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, scope: SigV4Scope): Buffer {
  const dateKey = hmac(`AWS4${secretAccessKey}`, scope.amzDate.slice(0, 8));
  return hmac(hmac(hmac(dateKey, scope.region), scope.service), 'aws4_request');
}

/** The signature (hex) of a request. */
export function signature(request: SigV4Request, credentials: SigV4Credentials, scope: SigV4Scope): string {
  const { canonical } = canonicalRequest(request);
  return createHmac('sha256', signingKey(credentials.secretAccessKey, scope))
    .update(stringToSign(canonical, scope), 'utf8')
    .digest('hex');
}

/** The Authorization header value of a request. */
export function authorization(
  request: SigV4Request,
  credentials: SigV4Credentials,
  scope: SigV4Scope,
): string {
  const { signedHeaders } = canonicalRequest(request);
  return (
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope(scope)},` +
    `SignedHeaders=${signedHeaders},Signature=${signature(request, credentials, scope)}`
  );
}

export function payloadSha256(body: Buffer | null): string {
  return body && body.length > 0 ? sha256Hex(body) : EMPTY_PAYLOAD_SHA256;
}
