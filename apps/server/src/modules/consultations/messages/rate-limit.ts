/**
 * A token bucket per sender: `burst` messages at once, then `perMinute` a minute. Kept in the process: a flood
 * is cut where it lands, and with several processes each holds its own share (a client sticks to one socket).
 */
export class MessageRateLimit {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  /** Takes one token; false when the sender has none left. */
  take(key: string, now = Date.now()): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    const refill = ((now - bucket.at) / 60_000) * this.perMinute;
    bucket.tokens = Math.min(this.burst, bucket.tokens + refill);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.#buckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 50_000) this.#sweep(now);
    return true;
  }

  /** Seconds until the sender has a token again. */
  retryAfter(key: string): number {
    const bucket = this.#buckets.get(key);
    if (!bucket) return 0;
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute));
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.at > 120_000) this.#buckets.delete(key);
    }
  }
}
