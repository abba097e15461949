// How an upload is cut into parts: every part is partSize bytes except the last, which holds the rest. Parts are
// stored encrypted in the file store (local disk or S3), so any server process can receive one and any worker can
// read them all back in order.

/** Part size of new imports: big enough for few requests, small enough to hold one part in memory. */
export const PART_SIZE = 8 * 1024 * 1024;

export const partKey = (orgId: string, importId: string, part: number) =>
  `monitoring-imports/${orgId}/${importId}/${part}`;

export const partCount = (sizeBytes: number, partSize: number) => Math.ceil(sizeBytes / partSize);

/** The exact size part `part` must have, or undefined when there is no such part. */
export function expectedPartSize(sizeBytes: number, partSize: number, part: number): number | undefined {
  const count = partCount(sizeBytes, partSize);
  if (!Number.isInteger(part) || part < 0 || part >= count) return undefined;
  return part < count - 1 ? partSize : sizeBytes - partSize * (count - 1);
}

/** Part numbers not received yet, in order. */
export function missingParts(sizeBytes: number, partSize: number, received: readonly number[]): number[] {
  const have = new Set(received);
  const missing: number[] = [];
  for (let n = 0; n < partCount(sizeBytes, partSize); n += 1) if (!have.has(n)) missing.push(n);
  return missing;
}
