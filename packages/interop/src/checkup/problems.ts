import type { CheckupSourceFormat, ParseOutcome, RowProblem } from './types.ts';

/** Texts quoted back in messages are cut, so a hostile cell cannot blow up a problem list. */
export const quote = (text: string, max = 40): string =>
  `"${text.length > max ? `${text.slice(0, max)}…` : text}"`;

export function rowProblem(
  rowNo: number,
  code: string,
  message: string,
  messageZh: string,
  field?: string,
): RowProblem {
  return field === undefined
    ? { rowNo, code, message, messageZh }
    : { rowNo, field, code, message, messageZh };
}

/** A file with hundreds of thousands of bad rows reports the first ones and how many more there were. */
export const MAX_PROBLEMS = 1000;

export class ProblemList {
  private readonly items: RowProblem[] = [];
  private dropped = 0;

  add(problem: RowProblem): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push(problem);
    else this.dropped += 1;
  }

  addAll(problems: readonly RowProblem[]): void {
    for (const problem of problems) this.add(problem);
  }

  list(): RowProblem[] {
    if (this.dropped === 0) return [...this.items];
    const last = this.items[this.items.length - 1]?.rowNo ?? 0;
    return [
      ...this.items,
      rowProblem(
        last,
        'too_many_problems',
        `${this.dropped} more problems were not listed`,
        `另有 ${this.dropped} 个问题未列出`,
      ),
    ];
  }
}

/**
 * The whole file refused: no reports, and the fatal problem both in `fatal` and as the last of `problems` (so a
 * caller that records `problems` records the refusal too), after any row problems found on the way there.
 */
export function refuse(
  format: CheckupSourceFormat,
  fatal: RowProblem,
  problems: readonly RowProblem[] = [],
): ParseOutcome {
  return { format, reports: [], problems: [...problems, fatal], fatal };
}

/** Adds a problem to an outcome, keeping a refusal's fatal problem last. */
export function addProblem(outcome: ParseOutcome, problem: RowProblem): void {
  const at = outcome.fatal ? Math.max(0, outcome.problems.length - 1) : outcome.problems.length;
  outcome.problems.splice(at, 0, problem);
}
