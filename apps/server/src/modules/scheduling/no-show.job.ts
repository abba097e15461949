import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { recordAudits } from '../../platform/audit/audit-log.ts';
import { publishQueue } from './publish.ts';

/** After its session ends, a booking nobody checked in for this long is a no-show. */
export const NO_SHOW_AFTER_MINUTES = 60;

/**
 * Marks the bookings of ended sessions that were never checked in as no-shows (the desk may have marked some
 * already; a patient who arrived is checked in and never touched here). Runs in batches; returns how many.
 */
export async function markNoShows(deps: AppDeps, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const marked = await deps.db.transaction().execute(async (tx) => {
      const rows = await sql<{ id: string; org_id: string; patient_id: string; session_id: string }>`
        UPDATE appointments a
           SET status = 'no_show', queue_state = 'no_show', updated_at = now(), version = a.version + 1
         WHERE a.id IN (
                 SELECT a2.id FROM appointments a2 JOIN schedule_sessions s ON s.id = a2.session_id
                  WHERE a2.status = 'booked'
                    AND s.ends_at < ${now}::timestamptz - make_interval(mins => ${NO_SHOW_AFTER_MINUTES})
                  ORDER BY a2.id LIMIT 500
                    FOR UPDATE OF a2 SKIP LOCKED)
        RETURNING a.id, a.org_id, a.patient_id, a.session_id`.execute(tx);
      await recordAudits(
        tx,
        null,
        rows.rows.map((r) => ({
          action: 'appointment.no_show',
          resourceType: 'appointment',
          resourceId: r.id,
          patientId: r.patient_id,
          orgId: r.org_id,
          detail: { by: 'session_end' },
        })),
      );
      return rows.rows;
    });
    total += marked.length;
    for (const session of new Map(marked.map((r) => [r.session_id, r.org_id])))
      await publishQueue(deps, session[0], session[1]);
    if (marked.length < 500) return total;
  }
}

export function noShowJob(deps: AppDeps) {
  return defineJob({
    name: 'scheduling.no-shows',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    repeatSeconds: 600,
    handler: async () => {
      await markNoShows(deps);
    },
  });
}
