import type { FollowUpRule, FollowUpRuleInput, FollowUpRuleUpdate } from '@careloop/contracts';
import { analyteByLoinc, isConvertibleAnalyte, unitsFor } from '@careloop/clinical';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import type { FollowUpRulesTable } from '../../platform/db/schema-followup.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { ensureDefaultRules } from './follow-up.evaluate.ts';

type StaffContext = RequestContext & { actor: StaffActor };
type RuleRow = Selectable<FollowUpRulesTable>;

export function toRule(row: RuleRow): FollowUpRule {
  return {
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    code: row.code,
    codeSystem: row.code_system,
    unit: row.unit,
    condition: {
      ...(row.cond_min !== null ? { min: row.cond_min } : {}),
      ...(row.cond_max !== null ? { max: row.cond_max } : {}),
      ...(row.cond_flags ? { flags: row.cond_flags as NonNullable<FollowUpRule['condition']['flags']> } : {}),
    },
    kind: row.kind,
    priority: row.priority,
    dueInDays: row.due_in_days,
    department: row.department,
    advice: { zh: row.advice_zh, en: row.advice_en },
    notifyPatient: row.notify_patient,
    active: row.active,
    builtIn: row.builtin_key !== null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { errors: [{ path, message }] });

/** A rule must name an item we know and a unit its values can be compared in. */
function checkItem(
  rule: Pick<FollowUpRuleInput, 'code' | 'codeSystem' | 'unit' | 'condition'>,
): string | null {
  if (rule.code === '*') {
    if (rule.condition.min !== undefined || rule.condition.max !== undefined)
      throw invalid('condition', 'bounds_need_an_item');
    return null;
  }
  if (rule.codeSystem === 'local') return rule.unit ?? null;
  const analyte = analyteByLoinc(rule.code);
  if (!analyte) throw invalid('code', 'unknown_loinc_code');
  const unit = rule.unit ?? analyte.reportedUnit;
  const known = [
    analyte.reportedUnit,
    analyte.unit,
    ...(isConvertibleAnalyte(analyte.key) ? unitsFor(analyte.key) : []),
  ];
  if (!known.includes(unit)) throw invalid('unit', 'unit_not_convertible');
  return unit;
}

/** The organization's follow-up rules: every organization starts from the defaults and edits its own copy. */
export class FollowUpRulesService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: StaffContext): Promise<FollowUpRule[]> {
    const { db } = this.deps;
    await db.transaction().execute((tx) => ensureDefaultRules(tx, ctx.actor.orgId));
    const rows = await db
      .selectFrom('follow_up_rules')
      .selectAll()
      .where('org_id', '=', ctx.actor.orgId)
      .orderBy('active', 'desc')
      .orderBy('created_at')
      .execute();
    return rows.map(toRule);
  }

  async create(ctx: StaffContext, input: FollowUpRuleInput): Promise<FollowUpRule> {
    const unit = checkItem(input);
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('follow_up_rules')
        .values({
          id: uuidv7(),
          org_id: ctx.actor.orgId,
          builtin_key: null,
          name_zh: input.name.zh,
          name_en: input.name.en,
          code: input.code,
          code_system: input.codeSystem,
          unit,
          cond_min: input.condition.min ?? null,
          cond_max: input.condition.max ?? null,
          cond_flags: input.condition.flags ?? null,
          kind: input.kind,
          priority: input.priority,
          due_in_days: input.dueInDays,
          department: input.department ?? null,
          advice_zh: input.advice.zh,
          advice_en: input.advice.en,
          notify_patient: input.notifyPatient,
          active: input.active,
          created_by: ctx.actor.accountId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'followup.rule.create',
        resourceType: 'follow_up_rule',
        resourceId: row.id,
      });
      return toRule(row);
    });
  }

  async update(ctx: StaffContext, ruleId: string, patch: FollowUpRuleUpdate): Promise<FollowUpRule> {
    return this.deps.db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom('follow_up_rules')
        .selectAll()
        .where('id', '=', ruleId)
        .where('org_id', '=', ctx.actor.orgId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== patch.version)
        throw new AppError('VERSION_CONFLICT', { detail: `current version is ${current.version}` });
      const merged = { ...toRule(current), ...patch, codeSystem: patch.codeSystem ?? current.code_system };
      const condition = patch.condition ?? merged.condition;
      const unit = checkItem({
        code: merged.code,
        codeSystem: merged.codeSystem,
        unit: patch.unit ?? current.unit ?? undefined,
        condition,
      });
      const row = await tx
        .updateTable('follow_up_rules')
        .set({
          name_zh: merged.name.zh,
          name_en: merged.name.en,
          code: merged.code,
          code_system: merged.codeSystem,
          unit,
          cond_min: condition.min ?? null,
          cond_max: condition.max ?? null,
          cond_flags: condition.flags ?? null,
          kind: merged.kind,
          priority: merged.priority,
          due_in_days: merged.dueInDays,
          department: merged.department ?? null,
          advice_zh: merged.advice.zh,
          advice_en: merged.advice.en,
          notify_patient: merged.notifyPatient,
          active: merged.active,
          updated_at: new Date(),
          version: current.version + 1,
        })
        .where('id', '=', ruleId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'followup.rule.update',
        resourceType: 'follow_up_rule',
        resourceId: ruleId,
        detail: { fields: Object.keys(patch).filter((k) => k !== 'version') },
      });
      return toRule(row);
    });
  }
}
