import { createHash } from 'node:crypto';
import { normalizeItemName } from '@careloop/interop';

/**
 * The identity of a report within an organization, so the same report imported twice is stored once: the centre and
 * its report number when the source has one, otherwise the patient, the day and the set of item names.
 */
export function reportDedupeKey(input: {
  orgId: string;
  center: string | null;
  externalId: string | null;
  patientId: string;
  performedAt: Date;
  itemNames: readonly string[];
}): string {
  const parts = input.externalId
    ? ['external', input.orgId, (input.center ?? '').trim().toLowerCase(), input.externalId.trim()]
    : [
        'content',
        input.orgId,
        input.patientId,
        input.performedAt.toISOString().slice(0, 10),
        ...[...new Set(input.itemNames.map((n) => normalizeItemName(n)))].sort(),
      ];
  // Hex of the first 128 bits: short enough to repeat in every observation's dedupe key.
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
