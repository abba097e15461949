import { sql } from 'kysely';
import {
  DEFAULT_FOLLOW_UP_RULES,
  analyteByLoinc,
  followUpRuleMatches,
  type FollowUpRuleSpec,
  type ResultFlag,
} from '@careloop/clinical';
import type { Executor } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { ObservationFlag, RecordSource } from '../../platform/db/schema-records.ts';
import type { FollowUpRulesTable } from '../../platform/db/schema-followup.ts';
import type { Selectable } from 'kysely';
import { uuidv7 } from '../../platform/db/ids.ts';
import { recordAudits, type AuditEntry } from '../../platform/audit/audit-log.ts';
import { notify, type NewNotification } from '../notifications/index.ts';

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

type RuleRow = Selectable<FollowUpRulesTable>;

/** An organization's active rules, loaded once per batch (an import job) and reused for every report. */
export interface FollowUpRuleSet {
  orgId: string;
  rules: readonly RuleRow[];
}

/** Results older than this are history: a follow-up for a result superseded long ago is noise, not care. */
const MAX_RESULT_AGE_DAYS = 180;
const DAY_MS = 86_400_000;

const seededOrgs = new Set<string>();

/** Gives an organization its copy of the built-in default rules, once; admins then edit or switch them off. */
export async function ensureDefaultRules(tx: Executor, orgId: string): Promise<void> {
  if (seededOrgs.has(orgId)) return;
  const existing = await tx
    .selectFrom('follow_up_rules')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  // Remembered only once seen in the database, so a rolled-back first insert is retried next time.
  if (existing) {
    seededOrgs.add(orgId);
    return;
  }
  await tx
    .insertInto('follow_up_rules')
    .values(
      DEFAULT_FOLLOW_UP_RULES.map((r) => ({
        id: uuidv7(),
        org_id: orgId,
        builtin_key: r.key,
        name_zh: r.name.zh,
        name_en: r.name.en,
        code: r.code,
        code_system: 'loinc' as const,
        unit: r.unit ?? null,
        cond_min: r.condition.min ?? null,
        cond_max: r.condition.max ?? null,
        cond_flags: r.condition.flags ? [...r.condition.flags] : null,
        kind: r.kind,
        priority: r.priority,
        due_in_days: r.dueInDays,
        department: r.department ?? null,
        advice_zh: r.advice.zh,
        advice_en: r.advice.en,
        notify_patient: r.notifyPatient,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'builtin_key']).doNothing())
    .execute();
}

export async function loadFollowUpRules(tx: Executor, orgId: string): Promise<FollowUpRuleSet> {
  await ensureDefaultRules(tx, orgId);
  const rules = await tx
    .selectFrom('follow_up_rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .execute();
  return { orgId, rules };
}

export function ruleSpec(rule: RuleRow): FollowUpRuleSpec {
  return {
    code: rule.code,
    unit: rule.unit,
    condition: {
      ...(rule.cond_min !== null ? { min: rule.cond_min } : {}),
      ...(rule.cond_max !== null ? { max: rule.cond_max } : {}),
      ...(rule.cond_flags ? { flags: rule.cond_flags as ResultFlag[] } : {}),
    },
  };
}

interface Firing {
  rule: RuleRow;
  observation: ObservationForRules;
}

/** Which rules fire for which observations: the newest matching result per rule; local rules match local codes. */
export function firings(
  rules: readonly RuleRow[],
  observations: readonly ObservationForRules[],
  now: Date,
): Firing[] {
  const oldest = now.getTime() - MAX_RESULT_AGE_DAYS * DAY_MS;
  const byRule = new Map<string, Firing>();
  for (const observation of observations) {
    if (observation.effectiveAt.getTime() < oldest) continue;
    for (const rule of rules) {
      if (rule.code !== '*' && rule.code_system !== observation.codeSystem) continue;
      if (!followUpRuleMatches(ruleSpec(rule), observation)) continue;
      // A critical value is its own event: each one alerts. Other rules keep the newest result only.
      const key = rule.priority === 'critical' ? `${rule.id}:${observation.id}` : rule.id;
      const seen = byRule.get(key);
      if (!seen || seen.observation.effectiveAt < observation.effectiveAt)
        byRule.set(key, { rule, observation });
    }
  }
  return [...byRule.values()];
}

/** UCUM spellings as people write them in a sentence: mm[Hg] is mmHg, 10*9/L is 10^9/L. */
const displayUnit = (unit: string) => unit.replace('mm[Hg]', 'mmHg').replace(/10\*(\d+)/, '10^$1');

const describe = (o: ObservationForRules, language: 'zh' | 'en') => {
  const analyte = o.codeSystem === 'loinc' ? analyteByLoinc(o.code) : undefined;
  const name = analyte ? analyte[language] : o.name;
  const value = o.valueNum === null ? '' : ` ${o.valueNum}${o.unit ? ` ${displayUnit(o.unit)}` : ''}`;
  return `${name}${value}`;
};

/**
 * Runs the organization's follow-up rules over newly stored observations, in the caller's transaction: creates
 * follow-up tasks (one per rule and result; an open task for the same rule is not repeated), alerts the care team
 * for critical values and notifies the patient's accounts.
 */
export async function evaluateFollowUp(
  tx: Executor,
  deps: AppDeps,
  input: {
    orgId: string;
    patientId: string;
    observations: readonly ObservationForRules[];
    rules?: FollowUpRuleSet;
  },
): Promise<{ tasksCreated: number; alerts: number }> {
  return evaluateFollowUpMany(tx, deps, {
    orgId: input.orgId,
    byPatient: new Map([[input.patientId, input.observations]]),
    ...(input.rules ? { rules: input.rules } : {}),
  });
}

interface PlannedTask extends Firing {
  id: string;
  patientId: string;
  assignee: string | null;
}

/**
 * evaluateFollowUp for several patients of one organization at once (a chunk of an import): the same outcome,
 * with a fixed number of statements for the whole batch instead of several per patient.
 */
export async function evaluateFollowUpMany(
  tx: Executor,
  _deps: AppDeps,
  input: {
    orgId: string;
    byPatient: ReadonlyMap<string, readonly ObservationForRules[]>;
    rules?: FollowUpRuleSet;
  },
): Promise<{ tasksCreated: number; alerts: number }> {
  const none = { tasksCreated: 0, alerts: 0 };
  if ([...input.byPatient.values()].every((o) => o.length === 0)) return none;
  const { rules } = input.rules ?? (await loadFollowUpRules(tx, input.orgId));
  const now = new Date();
  const fired = new Map<string, Firing[]>();
  for (const [patientId, observations] of input.byPatient) {
    const list = firings(rules, observations, now);
    if (list.length > 0) fired.set(patientId, list);
  }
  if (fired.size === 0) return none;
  const patientIds = [...fired.keys()];

  const open = await tx
    .selectFrom('follow_up_tasks')
    .select(['patient_id', 'rule_id'])
    .where('patient_id', 'in', patientIds)
    .where('status', '=', 'open')
    .where('rule_id', 'is not', null)
    .execute();
  const openRules = new Set(open.map((r) => `${r.patient_id}:${r.rule_id}`));

  const team = await sql<{ patient_id: string; staff_account_id: string; role: string }>`
    SELECT patient_id, staff_account_id, role FROM care_team
     WHERE patient_id = ANY (${patientIds}::uuid[]) AND org_id = ${input.orgId} AND removed_at IS NULL
     ORDER BY (role = 'health_manager') DESC, created_at`.execute(tx);
  const teamOf = new Map<string, { staff_account_id: string; role: string }[]>();
  for (const row of team.rows) teamOf.set(row.patient_id, [...(teamOf.get(row.patient_id) ?? []), row]);

  const planned: PlannedTask[] = [];
  for (const [patientId, list] of fired) {
    const assignee =
      teamOf.get(patientId)?.find((r) => r.role === 'health_manager')?.staff_account_id ?? null;
    for (const f of list) {
      if (f.rule.priority !== 'critical' && openRules.has(`${patientId}:${f.rule.id}`)) continue;
      planned.push({ ...f, id: uuidv7(), patientId, assignee });
    }
  }
  if (planned.length === 0) return none;

  const created = await tx
    .insertInto('follow_up_tasks')
    .values(
      planned.map(({ id, patientId, assignee, rule, observation }) => ({
        id,
        org_id: input.orgId,
        patient_id: patientId,
        rule_id: rule.id,
        observation_id: observation.id,
        observation_at: observation.effectiveAt,
        report_id: observation.reportId,
        title_zh: rule.name_zh,
        title_en: rule.name_en,
        advice_zh: rule.advice_zh,
        advice_en: rule.advice_en,
        kind: rule.kind,
        priority: rule.priority,
        department: rule.department,
        due_at:
          rule.priority === 'critical'
            ? now
            : new Date(observation.effectiveAt.getTime() + rule.due_in_days * DAY_MS),
        assignee_id: assignee,
      })),
    )
    .onConflict((oc) => oc.columns(['rule_id', 'observation_id']).doNothing())
    .returning('id')
    .execute();
  if (created.length === 0) return none;
  const createdIds = new Set(created.map((r) => r.id));
  const tasks = planned.filter((p) => createdIds.has(p.id));

  const links = await tx
    .selectFrom('patient_links')
    .select(['patient_id', 'account_id'])
    .where('patient_id', 'in', [...new Set(tasks.map((t) => t.patientId))])
    .where('removed_at', 'is', null)
    .execute();

  const notes: NewNotification[] = [];
  const audits: AuditEntry[] = [];
  let alerts = 0;
  for (const task of tasks) {
    const { rule, observation, patientId } = task;
    const critical = rule.priority === 'critical';
    if (critical) alerts += 1;
    // Critical values are urgent clinical alerts: delivered during quiet hours too.
    const base = {
      orgId: input.orgId,
      patientId,
      dedupeKey: `task:${task.id}`,
      urgency: critical ? ('urgent' as const) : ('normal' as const),
    };
    if (rule.notify_patient) {
      for (const link of links) {
        if (link.patient_id !== patientId) continue;
        notes.push({
          ...base,
          accountId: link.account_id,
          kind: critical ? 'critical_value' : 'follow_up_task',
          titleZh: rule.name_zh,
          titleEn: rule.name_en,
          bodyZh: `${describe(observation, 'zh')}。${rule.advice_zh}`,
          bodyEn: `${describe(observation, 'en')}. ${rule.advice_en}`,
          link: observation.reportId ? `/records/checkups/${observation.reportId}` : '/records',
        });
      }
    }
    const members = teamOf.get(patientId) ?? [];
    const staff = critical ? members.map((r) => r.staff_account_id) : task.assignee ? [task.assignee] : [];
    for (const accountId of new Set(staff)) {
      notes.push({
        ...base,
        accountId,
        kind: critical ? 'critical_value' : 'task_assigned',
        titleZh: critical ? `危急值：${describe(observation, 'zh')}` : `新随访任务：${rule.name_zh}`,
        titleEn: critical
          ? `Critical value: ${describe(observation, 'en')}`
          : `New follow-up task: ${rule.name_en}`,
        bodyZh: rule.advice_zh,
        bodyEn: rule.advice_en,
        link: `/patients/${patientId}?tab=followup`,
      });
    }
  }
  for (const patientId of new Set(tasks.map((t) => t.patientId))) {
    const mine = tasks.filter((t) => t.patientId === patientId);
    audits.push({
      action: 'followup.tasks.create',
      resourceType: 'follow_up_task',
      patientId,
      orgId: input.orgId,
      detail: {
        created: mine.length,
        alerts: mine.filter((t) => t.rule.priority === 'critical').length,
        notifications: notes.filter((n) => n.patientId === patientId).length,
      },
    });
  }
  await notify(tx, notes);
  await recordAudits(tx, null, audits);
  return { tasksCreated: tasks.length, alerts };
}
