import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import type { NotifyChannels } from '../../platform/notify/notify-channels.ts';
import { deliverOne } from './deliver.ts';
import { relayOnce } from './relay.ts';

/** One delivery on one channel; throwing hands the retry (with backoff) to pg-boss. */
export function notificationDeliveryJob(deps: AppDeps, channels: NotifyChannels) {
  return defineJob({
    name: 'notifications.deliver',
    version: 1,
    schema: z.object({ deliveryId: z.uuid() }),
    handler: async ({ deliveryId }) => {
      if ((await deliverOne(deps, channels, deliveryId)) === 'retry') {
        throw new Error('notification delivery failed; pg-boss retries it');
      }
    },
  });
}

/**
 * The relay's safety net in every process that runs jobs: the API processes relay as soon as a notifying
 * transaction commits (LISTEN), this picks up whatever a process killed at the wrong moment left behind.
 */
export function notificationRelayJob(deps: AppDeps, channels: NotifyChannels) {
  return defineJob({
    name: 'notifications.relay',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    repeatSeconds: 15,
    handler: async () => relayOnce(deps, channels),
  });
}
