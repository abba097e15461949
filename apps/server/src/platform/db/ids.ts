import { randomFillSync } from 'node:crypto';

// Random bits come from a pool refilled 256 ids at a time: one system call per 256 ids instead of one per id
// (an ingest batch makes a thousand).
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;

/** UUID v7 (RFC 9562): 48-bit Unix milliseconds, then random bits; time-ordered so B-tree indexes stay compact. */
export function uuidv7(now = Date.now()): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = Buffer.from(pool.subarray(next * 16, next * 16 + 16));
  next++;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
