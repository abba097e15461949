import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { referralsRepository as repo } from './referrals.repository.ts';
import { MESSAGES, tell } from './referral-notes.ts';

const BATCH = 200;

/**
 * Referrals still waiting for the patient's consent or for a receiver at their expiry are closed as expired: the
 * status is written (reads already showed it), the referring doctor and the patient side are told, and the shared
 * record stays closed. Runs in batches; returns how many expired.
 */
export async function expireReferrals(deps: AppDeps, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await deps.db.transaction().execute(async (tx) => {
      const expired = await sql<{ id: string }>`
        UPDATE referrals SET status = 'expired', updated_at = now(), version = version + 1
         WHERE id IN (SELECT id FROM referrals
                       WHERE status IN ('awaiting_consent', 'consented') AND expires_at <= ${now}
                       ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING id`.execute(tx);
      for (const { id } of expired.rows) {
        const row = await repo.load(tx, id);
        if (!row) continue;
        await recordAudit(tx, null, {
          action: 'referral.expired',
          resourceType: 'referral',
          resourceId: id,
          patientId: row.patient_id,
          orgId: row.org_id,
        });
        await tell(tx, row, 'expired', [
          { to: 'referrer', message: MESSAGES.expired },
          { to: 'patient', message: MESSAGES.expired },
        ]);
      }
      return expired.rows.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}

export function referralExpiryJob(deps: AppDeps) {
  return defineJob({
    name: 'referrals.expire',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    repeatSeconds: 900,
    handler: async () => {
      await expireReferrals(deps);
    },
  });
}
