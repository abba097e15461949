import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { notify } from '../notifications/index.ts';
import { consultationsRepository as repo } from './consultations.repository.ts';
import { MessagesService } from './messages/messages.service.ts';

/**
 * Requests nobody accepted in time expire (org setting, default 48 h): the patient is told and may ask again or
 * elsewhere. Runs in batches; returns how many expired.
 */
export async function expireRequests(deps: AppDeps, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await deps.db.transaction().execute(async (tx) => {
      const rows = await repo.expireDue(tx, now, 200);
      for (const row of rows) {
        await MessagesService.event(tx, row, { type: 'expired' });
        const accounts = await repo.patientSideAccounts(tx, row.id);
        await notify(
          tx,
          accounts.map((accountId) => ({
            orgId: row.org_id,
            accountId,
            patientId: row.patient_id,
            kind: 'consultation_update' as const,
            titleZh: '问诊请求已过期',
            titleEn: 'Your consultation request has expired',
            bodyZh: '暂时没有医生接诊。您可以重新发起问诊或选择其他科室。',
            bodyEn: 'No doctor took it in time. You can ask again or choose another department.',
            link: `/consult/${row.id}`,
            dedupeKey: `consultation:${row.id}:expired`,
          })),
        );
      }
      return rows;
    });
    total += expired.length;
    for (const row of expired)
      deps.realtime.publish(
        'console',
        { orgId: row.org_id },
        {
          type: 'consultations.consultation.updated',
          id: row.id,
          version: row.version,
          patientId: row.patient_id,
          status: 'expired',
          at: now.toISOString(),
        },
      );
    if (expired.length < 200) return total;
  }
}

export function consultationExpiryJob(deps: AppDeps) {
  return defineJob({
    name: 'consultations.expire',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    repeatSeconds: 300,
    handler: async () => {
      await expireRequests(deps);
    },
  });
}
