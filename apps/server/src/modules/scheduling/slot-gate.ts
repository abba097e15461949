import { performance } from 'node:perf_hooks';

/**
 * Bookings of one slot, one at a time in this process, and refusals shared. When a popular slot opens, hundreds of
 * requests arrive together; in PostgreSQL they would queue on the slot's row lock anyway (each conditional UPDATE
 * waits for the one before to commit), each paying a transaction to learn that the slot is full. Here they queue
 * in memory instead, and once a database read made after a request arrived found the slot full, that request is
 * refused without another query: the slot was full at a moment during the request, so the answer is one the
 * database gave. Capacity itself is still kept only by the database (conditional UPDATE, CHECK), so several
 * processes, or this gate being bypassed, can never overbook.
 */
export class SlotGate {
  readonly #tails = new Map<string, Promise<void>>();
  /** Per slot with requests in line: when a read that found it full began (performance.now()). */
  readonly #fullSeenAt = new Map<string, number>();

  /**
   * Runs `attempt` after the slot's earlier attempts in this process, or answers `refused()` when the slot was
   * seen full after this request arrived. `attempt` reports reads that found the slot full through `sawFull`.
   */
  async run<T>(
    slotId: string,
    arrivedAt: number,
    attempt: (sawFull: (readStartedAt: number) => void) => Promise<T>,
    refused: () => Error,
  ): Promise<T> {
    const before = this.#tails.get(slotId) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.#tails.set(slotId, tail);
    await before;
    try {
      const seen = this.#fullSeenAt.get(slotId);
      if (seen !== undefined && seen >= arrivedAt) throw refused();
      return await attempt((at) =>
        this.#fullSeenAt.set(slotId, Math.max(at, this.#fullSeenAt.get(slotId) ?? 0)),
      );
    } finally {
      release();
      if (this.#tails.get(slotId) === tail) {
        this.#tails.delete(slotId);
        this.#fullSeenAt.delete(slotId);
      }
    }
  }
}

export const now = () => performance.now();
