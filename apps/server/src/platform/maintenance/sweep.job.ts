import { z } from 'zod';
import { sql } from 'kysely';
import { defineJob } from '../jobs/jobs.ts';
import type { AppDeps } from '../deps.ts';

/** Hourly: forgets idempotency keys past 24 h, spent one-time codes, and sessions long expired or revoked. */
export function sweepJob(deps: Pick<AppDeps, 'db'>) {
  return defineJob({
    name: 'maintenance.sweep',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    cron: '17 * * * *',
    handler: async () => {
      const { db } = deps;
      await db
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', sql<Date>`now() - interval '24 hours'`)
        .execute();
      await db
        .deleteFrom('one_time_codes')
        .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
        .execute();
      await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('expires_at', '<', sql<Date>`now() - interval '30 days'`),
            eb('revoked_at', '<', sql<Date>`now() - interval '30 days'`),
          ]),
        )
        .execute();
    },
  });
}
