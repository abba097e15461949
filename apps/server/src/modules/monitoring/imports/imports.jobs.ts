import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppleHealthImportRunner } from './apple-health-runner.ts';

export const MonitoringImportPayloadV1 = z.object({ importId: z.uuid() });

/** Reads the uploaded parts of one Apple Health import and stores its readings, writing progress as it goes. */
export function monitoringImportJob(deps: AppDeps) {
  return defineJob({
    name: 'monitoring.import',
    version: 1,
    schema: MonitoringImportPayloadV1,
    handler: async (data) => {
      await new AppleHealthImportRunner(deps).run(data.importId);
    },
  });
}
