import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Logger } from '../logging.ts';

export interface JobDefinition<S extends z.ZodType> {
  readonly name: string;
  readonly version: number;
  readonly schema: S;
  /** 'stately': at most one waiting and one running, extra sends are dropped (sweepers, sealers). */
  readonly policy?: 'standard' | 'stately';
  /** When set, the job re-enqueues itself this many seconds after each run (a steady background loop). */
  readonly repeatSeconds?: number;
  /** When set, pg-boss runs the job on this cron schedule (once across all processes). */
  readonly cron?: string;
  readonly handler: (data: z.infer<S>) => Promise<void>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

const queueName = (def: { name: string; version: number }) => `${def.name}.v${def.version}`;

/** pg-boss on the application database: jobs are rows, so they survive restarts and run once across processes. */
export class JobRunner {
  readonly boss: PgBoss;
  readonly #defs: JobDefinition<z.ZodType>[] = [];
  #started = false;

  constructor(
    connectionString: string,
    private readonly log: Logger,
  ) {
    this.boss = new PgBoss({ connectionString, max: 4, application_name: 'careloop-jobs' });
    this.boss.on('error', (error: Error) =>
      this.log.error({ err: { message: error.message } }, 'job queue error'),
    );
  }

  register<S extends z.ZodType>(def: JobDefinition<S>): void {
    this.#defs.push(def as unknown as JobDefinition<z.ZodType>);
  }

  /** Starts pg-boss and creates the queues; with `work` it also runs the handlers (worker role). */
  async start(options: { work: boolean }): Promise<void> {
    await this.boss.start();
    this.#started = true;
    for (const def of this.#defs) {
      const name = queueName(def);
      await this.boss.createQueue(name, { name, policy: def.policy ?? 'standard' });
      if (!options.work) continue;
      await this.boss.work(name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) {
          const data = def.schema.parse(job.data);
          try {
            await def.handler(data);
          } finally {
            if (def.repeatSeconds)
              await this.boss.send(name, job.data as object, { startAfter: def.repeatSeconds });
          }
        }
      });
      if (def.cron) await this.boss.schedule(name, def.cron, {});
      if (def.repeatSeconds) {
        await this.boss.send(name, {}, {});
        // Safety net: if a repeat was lost (process killed between run and re-send), the minute schedule restarts it.
        await this.boss.schedule(name, '* * * * *', {});
      }
    }
  }

  async send<S extends z.ZodType>(def: JobDefinition<S>, data: z.infer<S>, options: PgBoss.SendOptions = {}) {
    return this.boss.send(queueName(def), data as object, options);
  }

  async stop(): Promise<void> {
    if (this.#started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
