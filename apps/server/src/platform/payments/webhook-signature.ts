import { createHmac, timingSafeEqual } from 'node:crypto';

// Signed callbacks from payment providers and couriers, in one scheme for our dev transports and adapters that
// re-sign what their provider's SDK verified: header `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`
// over the raw request body (the scheme Stripe documents for its webhooks: a timestamp inside the MAC, so an old
// capture cannot be replayed once the tolerance has passed).

export const SIGNATURE_HEADER = 'x-careloop-signature';
const TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${mac}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'mismatch' | 'expired';

export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  now: Date = new Date(),
): SignatureCheck {
  if (!header) return 'missing';
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return 'mismatch';
  if (Math.abs(now.getTime() / 1000 - t) > TOLERANCE_SECONDS) return 'expired';
  return 'ok';
}

/** A per-purpose key derived from one configured secret, so the payment and courier keys differ. */
export function derivedSecret(root: string, purpose: string): string {
  return createHmac('sha256', root).update(`careloop:${purpose}`).digest('hex');
}
