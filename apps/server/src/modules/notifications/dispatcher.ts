import type pg from 'pg';
import type { AppDeps } from '../../platform/deps.ts';
import type { NotifyChannels } from '../../platform/notify/notify-channels.ts';
import { NOTIFY_CHANNEL } from './notify.ts';
import { relayOnce } from './relay.ts';

/**
 * Runs the relay in this process: at once when a notifying transaction commits (PostgreSQL LISTEN on the channel
 * `notify()` signals), and every few seconds for what waited (quiet hours, retries without pg-boss). Runs never
 * overlap; a signal during a run causes one more run.
 */
export class NotificationDispatcher {
  #client: pg.PoolClient | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly channels: NotifyChannels,
    private readonly options: { sweepMs: number },
  ) {}

  #onError: (error: unknown) => void = () => undefined;

  async start(onError?: (error: unknown) => void): Promise<void> {
    if (onError) this.#onError = onError;
    this.#stopped = false;
    const client = await this.deps.pool.connect();
    client.on('notification', () => this.kick());
    client.on('error', (error) => this.#onError(error));
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.#client = client;
    this.#timer = setInterval(() => this.kick(), this.options.sweepMs);
    this.#timer.unref();
    this.kick();
  }

  /** Runs the relay soon (now, or right after the run in progress). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          await relayOnce(this.deps, this.channels);
        } catch (error) {
          this.#onError(error);
        }
      } while (this.#again && !this.#stopped);
    })().finally(() => {
      this.#running = null;
    });
  }

  /** Waits until no run is in progress or pending (tests). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.idle();
    const client = this.#client;
    this.#client = null;
    if (client) {
      await client.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }
}
