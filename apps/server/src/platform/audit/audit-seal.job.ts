import { z } from 'zod';
import { defineJob } from '../jobs/jobs.ts';
import type { AppDeps } from '../deps.ts';
import { sealAuditBlock } from './audit-chain.ts';

/** Seals finished audit entries into the hash chain every few seconds (one runner across all processes). */
export function auditSealJob(deps: Pick<AppDeps, 'db' | 'config'>) {
  return defineJob({
    name: 'audit.seal',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    repeatSeconds: deps.config.auditSealIntervalSeconds,
    handler: async () => {
      await sealAuditBlock(deps.db);
    },
  });
}
