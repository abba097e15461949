import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { CheckupImportRunner } from './import-runner.ts';

export const CheckupImportPayloadV1 = z.object({ jobId: z.uuid() });

/** Imports the staged files of one checkup import (parse, place, store), writing progress as it goes. */
export function checkupImportJob(deps: AppDeps) {
  return defineJob({
    name: 'checkups.import',
    version: 1,
    schema: CheckupImportPayloadV1,
    handler: async (data) => {
      await new CheckupImportRunner(deps).run(data.jobId);
    },
  });
}
