import type { FollowUpCondition, ObservationFlagCode } from '@careloop/contracts';

/** A number as a rule author wrote it: no float noise. */
function num(value: number): string {
  return String(Number(value.toFixed(4)));
}

/**
 * The value part of a rule's condition in the notation of Chinese checkup guidance:
 * "6.1 ≤ 空腹血糖 < 7.0 mmol/L", "空腹血糖 ≥ 7.0 mmol/L", "血钾 < 3.5 mmol/L". Bounds are [min, max): the
 * server's matching (packages/clinical follow-up-rules.ts) treats min as inclusive and max as exclusive.
 * Null when the condition has no bounds (a flag-only rule).
 */
export function formatBounds(
  condition: Pick<FollowUpCondition, 'min' | 'max'>,
  itemName: string,
  unit: string | null | undefined,
): string | null {
  const { min, max } = condition;
  const suffix = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `${num(min)} ≤ ${itemName} < ${num(max)}${suffix}`;
  if (min !== undefined) return `${itemName} ≥ ${num(min)}${suffix}`;
  if (max !== undefined) return `${itemName} < ${num(max)}${suffix}`;
  return null;
}

/** The whole condition: the bounds and, when given, the flags, each flag named by the caller (i18n). */
export function formatCondition(
  condition: Pick<FollowUpCondition, 'min' | 'max' | 'flags'>,
  itemName: string,
  unit: string | null | undefined,
  words: {
    flagName: (flag: ObservationFlagCode) => string;
    flagsClause: (flags: string) => string;
    separator: string;
  },
): string {
  const bounds = formatBounds(condition, itemName, unit);
  const flags = condition.flags?.length
    ? words.flagsClause(condition.flags.map(words.flagName).join(words.separator))
    : null;
  return [bounds, flags].filter((part): part is string => part !== null).join(' · ');
}

/** Form numbers (InputNumber gives null for an empty field) as the condition the contract takes. */
export function conditionFrom(values: {
  min?: number | null;
  max?: number | null;
  flags?: ObservationFlagCode[] | null;
}): { min?: number; max?: number; flags?: ObservationFlagCode[] } {
  const condition: { min?: number; max?: number; flags?: ObservationFlagCode[] } = {};
  if (typeof values.min === 'number') condition.min = values.min;
  if (typeof values.max === 'number') condition.max = values.max;
  if (values.flags && values.flags.length > 0) condition.flags = values.flags;
  return condition;
}

/** Why a condition would be refused, before it is sent: the same two rules as the contract's refinements. */
export function conditionProblem(condition: {
  min?: number;
  max?: number;
  flags?: ObservationFlagCode[];
}): 'condition_empty' | 'min_not_below_max' | null {
  if (condition.min === undefined && condition.max === undefined && condition.flags === undefined) {
    return 'condition_empty';
  }
  if (condition.min !== undefined && condition.max !== undefined && condition.min >= condition.max) {
    return 'min_not_below_max';
  }
  return null;
}
