// The notifications module's public API: every module notifies people through `notify(tx, notes)` in its own
// transaction; this module keeps the in-app inbox, publishes the realtime hint, and delivers by web push, email,
// SMS and WeChat according to each person's preferences and quiet hours. Other modules import only this file.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { InboxService } from './inbox.service.ts';
import { inboxRoutes } from './inbox.routes.ts';
import { PreferencesService } from './preferences.service.ts';
import { DeliveryLogService } from './delivery-log.service.ts';
import { settingsRoutes } from './settings.routes.ts';
import { notificationsRuntime } from './notifications.runtime.ts';
import { notificationDeliveryJob, notificationRelayJob } from './notifications.jobs.ts';

export { notify, type NewNotification } from './notify.ts';
export { CATEGORY_OF_KIND } from './categories.ts';

export function notificationsRoutes(deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    const { channels, dispatcher } = notificationsRuntime(deps);
    app.addHook('onReady', async () => {
      await dispatcher.start((error) =>
        app.log.warn({ err: { message: (error as Error).message } }, 'notification relay failed'),
      );
    });
    app.addHook('onClose', async () => {
      await dispatcher.stop();
      channels.close();
    });
    await app.register(inboxRoutes(new InboxService(deps)));
    await app.register(
      settingsRoutes(new PreferencesService(deps, channels.push), new DeliveryLogService(deps)),
    );
  };
}

/** The module's pg-boss jobs, for the runtime to register. */
export function notificationJobs(deps: AppDeps) {
  const { channels } = notificationsRuntime(deps);
  return [notificationDeliveryJob(deps, channels), notificationRelayJob(deps, channels)] as const;
}
