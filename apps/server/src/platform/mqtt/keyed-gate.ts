/**
 * Runs async tasks with at most `maxInFlight` running at once and never two with the same key at the same time,
 * in arrival order per key. A task that outlives its timeout keeps its slot (and its key) until it settles, so
 * a slow store cannot be overtaken by the same device's next message nor pile up unbounded work.
 */
export class GateFullError extends Error {}
export class GateTimeoutError extends Error {}

interface Waiting {
  readonly key: string;
  readonly start: () => void;
}

export interface KeyedGateOptions {
  readonly maxInFlight: number;
  /** Tasks allowed to wait for a slot; past that `run` rejects with GateFullError at once. */
  readonly maxWaiting: number;
  /** The caller's promise rejects with GateTimeoutError after this long (the task itself is not cancelled). */
  readonly timeoutMs: number;
}

export class KeyedGate {
  readonly #options: KeyedGateOptions;
  readonly #waiting: Waiting[] = [];
  readonly #busyKeys = new Set<string>();
  #running = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(options: KeyedGateOptions) {
    this.#options = options;
  }

  get running(): number {
    return this.#running;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if (this.#waiting.length >= this.#options.maxWaiting) {
      return Promise.reject(new GateFullError('too many tasks waiting'));
    }
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running += 1;
        this.#busyKeys.add(key);
        const timer = setTimeout(
          () => reject(new GateTimeoutError(`task ran longer than ${this.#options.timeoutMs} ms`)),
          this.#options.timeoutMs,
        );
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            clearTimeout(timer);
            this.#running -= 1;
            this.#busyKeys.delete(key);
            this.#startWaiting();
          });
      };
      this.#waiting.push({ key, start });
      this.#startWaiting();
    });
  }

  /** Resolves once nothing runs or waits. */
  idle(): Promise<void> {
    if (this.#running === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #startWaiting(): void {
    // Starting an entry marks its key busy, so the same key's later entries wait: arrival order per key.
    for (let i = 0; i < this.#waiting.length && this.#running < this.#options.maxInFlight;) {
      const entry = this.#waiting[i]!;
      if (this.#busyKeys.has(entry.key)) {
        i += 1;
        continue;
      }
      this.#waiting.splice(i, 1);
      entry.start();
    }
    if (this.#running === 0 && this.#waiting.length === 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
