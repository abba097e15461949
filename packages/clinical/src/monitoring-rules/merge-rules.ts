// Per-patient overrides set by the doctor, merged over the defaults by rule key.
import type { AlertSeverity, MonitoringRule } from './monitoring-rules.types.ts';

const NUMERIC_FIELDS = [
  'value',
  'companionValue',
  'count',
  'windowDays',
  'minChange',
  'minReadingsPerWindow',
  'withinDays',
  'days',
] as const;
type NumericField = (typeof NUMERIC_FIELDS)[number];

/** A change to one rule: new limits, another severity, or enabled: false to switch it off for this patient. */
export type MonitoringRulePatch = {
  readonly key: string;
  readonly enabled?: boolean;
  readonly severity?: AlertSeverity;
} & {
  readonly [F in NumericField]?: number;
};

/** A patch of an existing rule, or a whole new rule (a key the defaults do not have). */
export type MonitoringRuleOverride = MonitoringRulePatch | MonitoringRule;

const FIELDS_BY_KIND: Readonly<Record<MonitoringRule['kind'], readonly NumericField[]>> = {
  threshold: ['value', 'companionValue'],
  consecutive: ['value', 'companionValue', 'count'],
  trend: ['windowDays', 'minChange', 'minReadingsPerWindow'],
  'rate-of-change': ['minChange', 'withinDays'],
  'missing-data': ['days'],
};

// Counts and day spans must be whole and positive; limits and changes only finite.
const WHOLE_POSITIVE: readonly NumericField[] = ['count', 'windowDays', 'minReadingsPerWindow', 'days'];

const isWholeRule = (o: MonitoringRuleOverride): o is MonitoringRule => 'kind' in o;

/**
 * The defaults with each override applied by key, in the defaults' order; new rules follow. A patch for a key
 * the defaults lack, a field the rule's kind does not have, or an invalid number throws a RangeError naming it.
 */
export function mergeRules(
  defaults: readonly MonitoringRule[],
  overrides: readonly MonitoringRuleOverride[],
): MonitoringRule[] {
  const merged = new Map<string, MonitoringRule>(defaults.map((r) => [r.key, r]));
  for (const o of overrides) {
    if (isWholeRule(o)) {
      checkNumbers(o.key, o as unknown as Record<string, unknown>);
      merged.set(o.key, o);
      continue;
    }
    const base = merged.get(o.key);
    if (base === undefined) throw new RangeError(`No monitoring rule "${o.key}" to override`);
    merged.set(o.key, applyPatch(base, o));
  }
  return [...merged.values()];
}

function applyPatch(base: MonitoringRule, patch: MonitoringRulePatch): MonitoringRule {
  const allowed = FIELDS_BY_KIND[base.kind];
  const next: Record<string, unknown> = { ...base };
  if (patch.enabled !== undefined) next['enabled'] = patch.enabled;
  if (patch.severity !== undefined) next['severity'] = patch.severity;
  for (const field of NUMERIC_FIELDS) {
    const v = patch[field];
    if (v === undefined) continue;
    if (!allowed.includes(field)) throw new RangeError(`Rule "${base.key}" (${base.kind}) has no ${field}`);
    if (field === 'companionValue') {
      if (!('companion' in base) || base.companion === undefined) {
        throw new RangeError(`Rule "${base.key}" has no companion limit`);
      }
      next['companion'] = { ...base.companion, value: v };
    } else {
      next[field] = v;
    }
  }
  checkNumbers(base.key, { ...next, companionValue: patch.companionValue });
  return next as unknown as MonitoringRule;
}

function checkNumbers(key: string, rule: Record<string, unknown>): void {
  for (const field of NUMERIC_FIELDS) {
    const v = rule[field];
    if (v === undefined) continue;
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!WHOLE_POSITIVE.includes(field) || (Number.isInteger(v) && v >= 1)) &&
      (field !== 'minChange' || v > 0) &&
      (field !== 'withinDays' || v > 0);
    if (!ok) throw new RangeError(`Rule "${key}": ${field} ${String(v)} is not valid`);
  }
}
