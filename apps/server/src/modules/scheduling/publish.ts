import type { AppDeps } from '../../platform/deps.ts';
import { queueRepository } from './queue.repository.ts';

/**
 * Tells everyone watching a session's queue that it changed, after the change committed: the patient side of
 * each appointment in the session (their accounts' rooms in /patient) and the org's console. The event carries
 * the session id and queue version; clients fetch the queue over HTTP.
 */
export async function publishQueue(deps: AppDeps, sessionId: string, orgId: string): Promise<void> {
  const version = await queueRepository.version(deps.db, sessionId);
  if (version === undefined) return;
  const event = {
    type: 'scheduling.queue.updated' as const,
    sessionId,
    version,
    at: new Date().toISOString(),
  };
  const accounts = await queueRepository.sessionAccounts(deps.db, sessionId);
  if (accounts.length > 0) deps.realtime.publish('patient', { accountIds: accounts }, event);
  deps.realtime.publish('console', { orgId }, event);
}
