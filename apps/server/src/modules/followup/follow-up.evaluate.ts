import type { Executor } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { ObservationFlag, RecordSource } from '../../platform/db/schema-records.ts';

/** What the rules need to know about a newly stored observation. */
export interface ObservationForRules {
  id: string;
  patientId: string;
  codeSystem: 'loinc' | 'local';
  code: string;
  name: string;
  valueNum: number | null;
  unit: string | null;
  flag: ObservationFlag | null;
  effectiveAt: Date;
  reportId: string | null;
  source: RecordSource;
}

/** An organization's active rules, loaded once per batch (an import job) and reused for every report. */
export interface FollowUpRuleSet {
  orgId: string;
  rules: readonly unknown[];
}

export async function loadFollowUpRules(_tx: Executor, orgId: string): Promise<FollowUpRuleSet> {
  // Replaced by the rules engine in the follow-up module (in progress).
  return { orgId, rules: [] };
}

/**
 * Runs the organization's follow-up rules over newly stored observations, in the caller's transaction:
 * creates follow-up tasks, alerts the care team for critical values and notifies the patient.
 */
export async function evaluateFollowUp(
  tx: Executor,
  _deps: AppDeps,
  input: {
    orgId: string;
    patientId: string;
    observations: readonly ObservationForRules[];
    rules?: FollowUpRuleSet;
  },
): Promise<{ tasksCreated: number; alerts: number }> {
  const rules = input.rules ?? (await loadFollowUpRules(tx, input.orgId));
  void rules;
  return { tasksCreated: 0, alerts: 0 };
}
