import type { FollowUpOutcome, FollowUpPriority, FollowUpTask } from '@careloop/contracts';

export const OUTCOMES: readonly FollowUpOutcome[] = [
  'reached',
  'retested',
  'referred',
  'declined',
  'unreachable',
  'other',
];

/**
 * Outcomes that need a note: the contract requires one for "other"; for "declined" and "unreachable" the next
 * person to pick the patient up needs to know what was tried, so the console asks for one too.
 */
const NOTE_REQUIRED: ReadonlySet<FollowUpOutcome> = new Set(['declined', 'unreachable', 'other']);

export function noteRequired(outcome: FollowUpOutcome | undefined): boolean {
  return outcome !== undefined && NOTE_REQUIRED.has(outcome);
}

/** Tag colours chosen for 4.5:1 text contrast (antd's orange and green presets fall short). */
export const PRIORITY_COLORS: Record<FollowUpPriority, string> = {
  routine: 'default',
  soon: 'blue',
  urgent: 'warning',
  critical: 'red',
};

const PRIORITY_RANK: Record<FollowUpPriority, number> = { critical: 0, urgent: 1, soon: 2, routine: 3 };

/**
 * The worklist's order: open critical alerts pinned on top, the rest in the server's order (due date). Stable, so
 * tasks of equal rank keep the order the server sent.
 */
export function pinCritical<T extends Pick<FollowUpTask, 'priority' | 'status'>>(tasks: readonly T[]): T[] {
  const pinned = tasks.filter((task) => task.status === 'open' && task.priority === 'critical');
  const rest = tasks.filter((task) => !(task.status === 'open' && task.priority === 'critical'));
  return [...pinned, ...rest];
}

export function byPriority(a: FollowUpPriority, b: FollowUpPriority): number {
  return PRIORITY_RANK[a] - PRIORITY_RANK[b];
}
