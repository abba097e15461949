// Shared lookup for guideline bands written as "value < limit" steps, so each rule stays a plain table.

export interface Band<B extends string> {
  /** The band applies to values strictly below this limit; the last band has no limit. */
  readonly below?: number;
  readonly band: B;
}

/** The first band whose `below` limit exceeds the value. Bands must be ordered by ascending limit. */
export function bandOf<B extends string>(value: number, bands: readonly Band<B>[]): B {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot classify ${String(value)}`);
  const found = bands.find((b) => b.below === undefined || value < b.below);
  if (found === undefined) throw new RangeError('Band table has no open-ended last band');
  return found.band;
}
