import { createECDH, createPublicKey, createDecipheriv, hkdfSync, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in push service for tests: a browser's subscription keys, an HTTP endpoint that takes pushes, and the
// checks a real push service and browser make (RFC 8292 VAPID authorization, RFC 8291 aes128gcm decryption).

export interface ReceivedPush {
  headers: http.IncomingHttpHeaders;
  /** The decrypted payload. */
  payload: string;
  /** The VAPID JWT's claims after its ES256 signature was verified against `k`. */
  vapid: { aud: string; exp: number; sub: string; k: string };
}

export interface PushReceiver {
  url: string;
  /** A PushSubscription.toJSON() for this receiver (own keys per call). */
  subscription(path?: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  received: ReceivedPush[];
  /** Statuses for the next requests (201 once the list is empty). */
  respondWith: number[];
  /** Requests that failed the checks, with why. */
  rejected: string[];
  close(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString('base64url');

function hkdf(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/** RFC 8291 / RFC 8188: decrypts a single-record aes128gcm body with the subscriber's private key and secret. */
export function decryptAes128gcm(
  body: Buffer,
  uaEcdh: ReturnType<typeof createECDH>,
  authSecret: Buffer,
): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (record.length > rs) throw new Error('more than one record');
  const uaPublic = uaEcdh.getPublicKey();
  const ecdhSecret = uaEcdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = hkdf(ecdhSecret, authSecret, keyInfo, 32);
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with a 0x02 delimiter followed by zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('missing last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** RFC 8292: `Authorization: vapid t=<jwt>, k=<key>`; checks the ES256 signature with k. */
export function verifyVapid(header: string | undefined): ReceivedPush['vapid'] {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!m) throw new Error('no vapid authorization');
  const [h, p, s] = m[1]!.split('.') as [string, string, string];
  const k = m[2]!;
  const header_ = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string };
  if (header_.alg !== 'ES256') throw new Error('not ES256');
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!ok) throw new Error('bad vapid signature');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
    aud: string;
    exp: number;
    sub: string;
  };
  return { ...claims, k };
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const subscribers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const respondWith: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = respondWith.shift() ?? 201;
      try {
        const sub = subscribers.get(req.url ?? '');
        if (!sub) throw new Error(`unknown endpoint ${req.url}`);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
        const vapid = verifyVapid(req.headers.authorization);
        const payload = decryptAes128gcm(Buffer.concat(chunks), sub.ecdh, sub.auth);
        if (status < 300) received.push({ headers: req.headers, payload, vapid });
      } catch (error) {
        rejected.push((error as Error).message);
        res.writeHead(400).end();
        return;
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    rejected,
    respondWith,
    subscription(path = `/push/${randomBytes(8).toString('hex')}`) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscribers.set(path, { ecdh, auth });
      return { endpoint: `${url}${path}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
