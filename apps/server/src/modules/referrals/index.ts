// The referrals module's public API (转诊): a doctor refers a patient to another doctor, a department or another
// organization with the record parts to share; the patient consents in the app; the receiver accepts, books and
// reports back. The receiver reads the shared parts only through the referral, only under that consent.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { ReferralsService } from './referrals.service.ts';
import { ReferralStepsService } from './referral-steps.service.ts';
import { SharedRecordService } from './shared-record.service.ts';
import { referralsRoutes as routesOf } from './referrals.routes.ts';
import { referralExpiryJob } from './expiry.job.ts';

export function referralsRoutes(deps: AppDeps) {
  const referrals = new ReferralsService(deps);
  const steps = new ReferralStepsService(deps, referrals);
  const record = new SharedRecordService(deps);
  return async function routes(app: FastifyInstance) {
    await app.register(routesOf({ referrals, steps, record }));
  };
}

export { expireReferrals } from './expiry.job.ts';

/** The module's pg-boss jobs, for the runtime to register. */
export function referralsJobs(deps: AppDeps) {
  return [referralExpiryJob(deps)] as const;
}
