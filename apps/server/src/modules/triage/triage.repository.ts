import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

// The only place triage reads or writes SQL. Every query is scoped by org (and by patient where it reads a
// session); access was checked by the service before any of these run.

export type SessionRow = Awaited<ReturnType<typeof triageRepository.session>>;
export type NewSession = {
  id: string;
  org_id: string;
  patient_id: string;
  started_by: string;
  language: 'zh-CN' | 'en-US';
};
export type SessionState = {
  status: 'asking' | 'completed' | 'not_understood';
  facts: unknown;
  question: unknown;
  result: unknown;
  not_understood: unknown;
  urgency: 'emergency' | 'within_24h' | 'routine' | 'self_care' | null;
  red_flags: string[];
  top_department: string | null;
};
export type NewMessage = {
  role: 'patient' | 'system';
  kind: 'text' | 'question' | 'answer' | 'result' | 'not_understood';
  body: string;
  question_id: string | null;
};

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const SESSION_COLUMNS = [
  'id',
  'org_id',
  'patient_id',
  'language',
  'status',
  'facts',
  'question',
  'result',
  'not_understood',
  'outcome_action',
  'outcome_ref_id',
  'outcome_at',
  'created_at',
  'updated_at',
] as const;

export const triageRepository = {
  /** The patient's age and sex, which the engine takes from the record rather than asking. */
  async patientBasics(db: Executor, orgId: string, patientId: string) {
    return db
      .selectFrom('patients')
      .select(['sex', 'birth_date'])
      .where('id', '=', patientId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
  },

  async insertSession(
    db: Executor,
    s: NewSession & { created_at: Date; updated_at: Date },
    state: SessionState,
  ) {
    await db
      .insertInto('triage_sessions')
      .values({
        ...s,
        ...state,
        facts: JSON.stringify(state.facts),
        question: json(state.question),
        result: json(state.result),
        not_understood: json(state.not_understood),
      })
      .execute();
  },

  async updateSession(db: Executor, orgId: string, id: string, state: SessionState, at: Date) {
    await db
      .updateTable('triage_sessions')
      .set({
        ...state,
        facts: JSON.stringify(state.facts),
        question: json(state.question),
        result: json(state.result),
        not_understood: json(state.not_understood),
        updated_at: at,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  /** Locks the row for an answer or outcome, so two taps cannot interleave. */
  async session(db: Executor, id: string, forUpdate = false) {
    let q = db.selectFrom('triage_sessions').select(SESSION_COLUMNS).where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async sessionsOfPatient(db: Executor, orgId: string, patientId: string, limit: number, before?: string) {
    let q = db
      .selectFrom('triage_sessions')
      .select(SESSION_COLUMNS)
      .where('org_id', '=', orgId)
      .where('patient_id', '=', patientId);
    if (before) q = q.where('id', '<', before);
    return q
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /**
   * Appends messages after the session's last one (numbered from `afterSeq` when the caller knows it, as at the
   * start of a session), stamped `at`; returns them as stored.
   */
  async appendMessages(
    db: Executor,
    orgId: string,
    sessionId: string,
    messages: readonly NewMessage[],
    at: Date,
    afterSeq?: number,
  ) {
    if (messages.length === 0) return [];
    const last =
      afterSeq ??
      Number(
        (
          await db
            .selectFrom('triage_messages')
            .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
            .where('session_id', '=', sessionId)
            .executeTakeFirstOrThrow()
        ).seq,
      );
    const rows = messages.map((m, i) => ({
      ...m,
      session_id: sessionId,
      org_id: orgId,
      seq: last + i + 1,
      created_at: at,
    }));
    await db.insertInto('triage_messages').values(rows).execute();
    return rows;
  },

  async messages(db: Executor, orgId: string, sessionId: string) {
    return db
      .selectFrom('triage_messages')
      .select(['seq', 'role', 'kind', 'body', 'question_id', 'created_at'])
      .where('org_id', '=', orgId)
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute();
  },

  async recordOutcome(db: Executor, orgId: string, id: string, action: string, refId: string | null) {
    await db
      .updateTable('triage_sessions')
      .set({
        outcome_action: action as 'booked',
        outcome_ref_id: refId,
        outcome_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  /** The org's departments that have a code the knowledge base can route to. */
  async departments(db: Executor, orgId: string) {
    return db
      .selectFrom('departments')
      .select(['id', 'code', 'name_zh', 'name_en'])
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .execute();
  },

  /** Active doctors of the given departments (every active doctor takes online consultations). */
  async doctorsOf(db: Executor, orgId: string, departmentIds: readonly string[]) {
    if (departmentIds.length === 0) return [];
    return db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['m.account_id', 'a.display_name', 'm.title', 'm.department_id'])
      .where('m.org_id', '=', orgId)
      .where('m.active', '=', true)
      .where('a.active', '=', true)
      .where(sql<boolean>`'doctor' = ANY (m.roles)`)
      .where('m.department_id', 'in', departmentIds)
      .orderBy('a.display_name')
      .execute();
  },

  async overrides(db: Executor, orgId: string) {
    return db
      .selectFrom('triage_symptom_overrides')
      .select(['symptom_id', 'extra_synonyms_zh', 'extra_synonyms_en', 'departments'])
      .where('org_id', '=', orgId)
      .execute();
  },

  async upsertOverride(
    db: Executor,
    o: {
      orgId: string;
      symptomId: string;
      zh: string[];
      en: string[];
      departments: Record<string, number> | null;
      by: string;
    },
  ) {
    await db
      .insertInto('triage_symptom_overrides')
      .values({
        org_id: o.orgId,
        symptom_id: o.symptomId,
        extra_synonyms_zh: o.zh,
        extra_synonyms_en: o.en,
        departments: json(o.departments),
        updated_by: o.by,
      })
      .onConflict((c) =>
        c.columns(['org_id', 'symptom_id']).doUpdateSet({
          extra_synonyms_zh: o.zh,
          extra_synonyms_en: o.en,
          departments: json(o.departments),
          updated_by: o.by,
          updated_at: sql`now()`,
        }),
      )
      .execute();
  },

  async deleteOverride(db: Executor, orgId: string, symptomId: string) {
    await db
      .deleteFrom('triage_symptom_overrides')
      .where('org_id', '=', orgId)
      .where('symptom_id', '=', symptomId)
      .execute();
  },

  async classifier(db: Executor, orgId: string) {
    return db
      .selectFrom('triage_classifiers')
      .select(['model', 'samples', 'departments', 'trained_at'])
      .where('org_id', '=', orgId)
      .executeTakeFirst();
  },

  async saveClassifier(db: Executor, orgId: string, model: unknown, samples: number, departments: number) {
    await db
      .insertInto('triage_classifiers')
      .values({ org_id: orgId, model: JSON.stringify(model), samples, departments })
      .onConflict((c) =>
        c
          .column('org_id')
          .doUpdateSet({ model: JSON.stringify(model), samples, departments, trained_at: sql`now()` }),
      )
      .execute();
  },

  /**
   * Where the org's patients ended up: closed consultations' complaints with their department (the consultation's,
   * or its doctor's when it was addressed to a doctor), and symptom checks that led to a booked visit the patient
   * then had, with the department of the session they were seen in. Newest first, capped.
   */
  async trainingSamples(db: Executor, orgId: string, limit = 20_000) {
    const result = await sql<{ text: string; code: string }>`
      SELECT text, code FROM (
        SELECT c.chief_complaint AS text, d.code, c.created_at AS at
          FROM consultations c
          LEFT JOIN memberships m ON m.account_id = c.doctor_account_id AND m.org_id = c.org_id
          JOIN departments d ON d.id = coalesce(c.department_id, m.department_id) AND d.org_id = c.org_id
         WHERE c.org_id = ${orgId} AND c.status = 'closed'
        UNION ALL
        SELECT msg.body AS text, d.code, ts.created_at AS at
          FROM triage_sessions ts
          JOIN triage_messages msg ON msg.session_id = ts.id AND msg.seq = 1 AND msg.role = 'patient'
          JOIN appointments a ON a.id = ts.outcome_ref_id AND a.org_id = ts.org_id AND a.status = 'completed'
          JOIN schedule_sessions s ON s.id = a.session_id
          LEFT JOIN memberships m ON m.account_id = a.doctor_account_id AND m.org_id = a.org_id
          JOIN departments d ON d.id = coalesce(s.department_id, m.department_id) AND d.org_id = a.org_id
         WHERE ts.org_id = ${orgId} AND ts.outcome_action = 'booked') samples
       ORDER BY at DESC
       LIMIT ${limit}`.execute(db);
    return result.rows;
  },

  /** Organizations with something to learn from: closed consultations or visits that followed a symptom check. */
  async orgsWithClosedConsultations(db: Executor) {
    const result = await sql<{ org_id: string }>`
      SELECT DISTINCT org_id FROM consultations WHERE status = 'closed'
      UNION
      SELECT DISTINCT org_id FROM triage_sessions WHERE outcome_action = 'booked'`.execute(db);
    return result.rows.map((r) => r.org_id);
  },
};
