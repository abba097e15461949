import type { AppDeps } from '../../platform/deps.ts';
import { createNotifyChannels, type NotifyChannels } from '../../platform/notify/notify-channels.ts';
import { NotificationDispatcher } from './dispatcher.ts';

export interface NotificationsRuntime {
  readonly channels: NotifyChannels;
  readonly dispatcher: NotificationDispatcher;
}

// One set of channels (an SMTP pool, the VAPID keys) and one dispatcher per app, whoever asks first: the routes
// plugin or the job registration. Keyed by the app's deps, so tests that build several apps keep them apart.
const runtimes = new WeakMap<AppDeps, NotificationsRuntime>();

export function notificationsRuntime(deps: AppDeps): NotificationsRuntime {
  let runtime = runtimes.get(deps);
  if (!runtime) {
    const channels = createNotifyChannels(deps.config, deps.db, deps.crypto);
    const dispatcher = new NotificationDispatcher(deps, channels, {
      // Without pg-boss the sweep also sends what waited (quiet hours, retries), so it runs more often.
      sweepMs: deps.config.env === 'test' ? 500 : 5000,
    });
    runtime = { channels, dispatcher };
    runtimes.set(deps, runtime);
  }
  return runtime;
}
