import {
  addText,
  applyAnswer,
  detectLanguage,
  emptyFacts,
  hasSymptoms,
  predictNaiveBayes,
  runTriage,
  TriageAnswerError,
  type TriageFacts,
  type TriageOutput,
} from '@careloop/clinical';
import {
  TRIAGE_TEXT_MAX_CHARS,
  type StartTriageBody,
  type TriageAnswerBody,
  type TriageDoctor,
  type TriageOutcomeBody,
  type TriageSession,
  type TriageSessionList,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { KnowledgeService } from './knowledge.service.ts';
import { CLASSIFIER_WEIGHT } from './knowledge.service.ts';
import { nextFreeSlots } from './next-slots.ts';
import { segment } from './segmenter.ts';
import { triageRepository as repo, type NewMessage, type SessionState } from './triage.repository.ts';
import { questionView, resultView, sessionView, type Lang } from './triage-view.ts';

const NOT_UNDERSTOOD = {
  zh: {
    reason: '抱歉，没能理解您的描述。',
    advice:
      '请用中文或英文描述症状，或直接选择科室挂号；如果情况紧急（如胸痛、呼吸困难、意识不清），请立即拨打120。',
  },
  en: {
    reason: 'Sorry, we could not understand the description.',
    advice:
      'Please describe the symptoms in Chinese or English, or choose a department directly; if it is urgent (chest pain, trouble breathing, fainting), call 120 now.',
  },
};

const messageView = (m: {
  seq: number;
  role: 'patient' | 'system';
  kind: 'text' | 'question' | 'answer' | 'result' | 'not_understood';
  body: string;
  question_id: string | null;
  created_at: Date;
}) => ({
  seq: m.seq,
  role: m.role,
  kind: m.kind,
  body: m.body,
  questionId: m.question_id,
  createdAt: m.created_at.toISOString(),
});

const ageInYears = (birthDate: string, now = new Date()) =>
  (now.getTime() - new Date(`${birthDate}T00:00:00Z`).getTime()) / (365.25 * 24 * 3600 * 1000);

/** Triage sessions: start with free text, answer follow-up questions, record what the patient then did. */
export class TriageService {
  constructor(
    private readonly deps: AppDeps,
    private readonly knowledge: KnowledgeService,
  ) {}

  async start(ctx: RequestContext, body: StartTriageBody, uiLang: Lang): Promise<TriageSession> {
    const access = await requirePatientAccess(this.deps.db, ctx.actor, body.patientId, 'book');
    const text = body.text.trim();
    if (text.length === 0) throw fieldError('TRIAGE_TEXT_EMPTY', 'text', 'empty');
    if ([...text].length > TRIAGE_TEXT_MAX_CHARS)
      throw fieldError('TRIAGE_TEXT_TOO_LONG', 'text', 'too_long');
    const detected = detectLanguage(text);
    const engineLang = body.language ? (body.language === 'zh-CN' ? 'zh' : 'en') : detected;
    const lang: Lang = body.language ?? (detected === 'zh' ? 'zh-CN' : detected === 'en' ? 'en-US' : uiLang);
    const patient = await repo.patientBasics(this.deps.db, access.orgId, body.patientId);
    let facts: TriageFacts = emptyFacts();
    if (patient?.birth_date) facts.ageYears = ageInYears(String(patient.birth_date));
    if (patient?.sex === 'male' || patient?.sex === 'female') facts.sex = patient.sex;
    const org = await this.knowledge.forOrg(this.deps.db, access.orgId);
    let tokens: string[] = [];
    if (engineLang === 'zh' || engineLang === 'en') {
      tokens = segment(text, engineLang);
      facts = addText(facts, tokens, engineLang, org.kb);
    }
    const id = uuidv7();
    const messages: NewMessage[] = [{ role: 'patient', kind: 'text', body: text, question_id: null }];
    let state: SessionState;
    if (!hasSymptoms(facts)) {
      const nu = lang === 'zh-CN' ? NOT_UNDERSTOOD.zh : NOT_UNDERSTOOD.en;
      state = {
        status: 'not_understood',
        facts: { ...facts, tokens },
        question: null,
        result: null,
        not_understood: nu,
        urgency: null,
        red_flags: [],
        top_department: null,
      };
      messages.push({
        role: 'system',
        kind: 'not_understood',
        body: `${nu.reason} ${nu.advice}`,
        question_id: null,
      });
    } else {
      state = await this.evaluate(this.deps.db, access.orgId, { ...facts, tokens } as TriageFacts, lang, org);
      messages.push(this.systemMessage(state, lang));
    }
    const now = new Date();
    const row = {
      id,
      org_id: access.orgId,
      patient_id: body.patientId,
      started_by: ctx.actor.accountId,
      language: lang,
      created_at: now,
      updated_at: now,
    };
    const stored = await this.deps.db.transaction().execute(async (tx) => {
      await repo.insertSession(tx, row, state);
      const written = await repo.appendMessages(tx, access.orgId, id, messages, now, 0);
      await recordAudit(tx, ctx, {
        action: 'triage.session.start',
        resourceType: 'triage_session',
        resourceId: id,
        patientId: body.patientId,
        orgId: access.orgId,
        detail: { status: state.status, urgency: state.urgency, redFlags: state.red_flags.length },
      });
      return written;
    });
    // Answered from what was just written: no read-back.
    return sessionView(
      { ...row, ...state, outcome_action: null, outcome_ref_id: null, outcome_at: null },
      stored.map(messageView),
    );
  }

  async answer(ctx: RequestContext, id: string, body: TriageAnswerBody): Promise<TriageSession> {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.session(tx, id, true);
      if (!row) throw new AppError('TRIAGE_SESSION_NOT_FOUND');
      const access = await requirePatientAccess(tx, ctx.actor, row.patient_id, 'book');
      if (access.orgId !== row.org_id) throw new AppError('TRIAGE_SESSION_NOT_FOUND');
      if (row.status !== 'asking') throw new AppError('TRIAGE_SESSION_CLOSED');
      const current = row.question as {
        id: string;
        text: string;
        options: { value: string; label: string }[];
      } | null;
      if (!current || current.id !== body.questionId) throw new AppError('TRIAGE_QUESTION_MISMATCH');
      if (!body.skip && body.answer === undefined)
        throw fieldError('TRIAGE_ANSWER_INVALID', 'answer', 'required');
      const org = await this.knowledge.forOrg(tx, row.org_id);
      let facts: TriageFacts;
      try {
        facts = applyAnswer(
          row.facts as TriageFacts,
          body.questionId,
          body.skip ? undefined : body.answer,
          org.kb,
        );
      } catch (e) {
        if (e instanceof TriageAnswerError)
          throw fieldError('TRIAGE_ANSWER_INVALID', 'answer', 'not_an_option');
        throw e;
      }
      const state = await this.evaluate(tx, row.org_id, facts, row.language, org);
      const label = body.skip
        ? row.language === 'zh-CN'
          ? '跳过'
          : 'Skipped'
        : (current.options.find((o) => o.value === String(body.answer))?.label ?? String(body.answer));
      const now = new Date();
      await repo.updateSession(tx, row.org_id, id, state, now);
      await repo.appendMessages(
        tx,
        row.org_id,
        id,
        [
          { role: 'patient', kind: 'answer', body: label, question_id: body.questionId },
          this.systemMessage(state, row.language),
        ],
        now,
      );
      await recordAudit(tx, ctx, {
        action: 'triage.session.answer',
        resourceType: 'triage_session',
        resourceId: id,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { questionId: body.questionId, status: state.status, urgency: state.urgency },
      });
      const messages = await repo.messages(tx, row.org_id, id);
      return sessionView({ ...row, ...state, updated_at: now }, messages.map(messageView));
    });
  }

  async outcome(ctx: RequestContext, id: string, body: TriageOutcomeBody): Promise<TriageSession> {
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.session(tx, id, true);
      if (!row) throw new AppError('TRIAGE_SESSION_NOT_FOUND');
      const access = await requirePatientAccess(tx, ctx.actor, row.patient_id, 'book');
      if (access.orgId !== row.org_id) throw new AppError('TRIAGE_SESSION_NOT_FOUND');
      await repo.recordOutcome(tx, row.org_id, id, body.action, body.refId ?? null);
      await recordAudit(tx, ctx, {
        action: 'triage.session.outcome',
        resourceType: 'triage_session',
        resourceId: id,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { action: body.action },
      });
    });
    return this.get(ctx, id, false);
  }

  async get(ctx: RequestContext, id: string, audit = true): Promise<TriageSession> {
    const row = await repo.session(this.deps.db, id);
    if (!row) throw new AppError('TRIAGE_SESSION_NOT_FOUND');
    const access = await requirePatientAccess(this.deps.db, ctx.actor, row.patient_id, 'view');
    if (access.orgId !== row.org_id) throw new AppError('TRIAGE_SESSION_NOT_FOUND');
    const messages = await repo.messages(this.deps.db, row.org_id, id);
    if (audit)
      await recordAudit(this.deps.db, ctx, {
        action: 'triage.session.read',
        resourceType: 'triage_session',
        resourceId: id,
        patientId: row.patient_id,
        orgId: row.org_id,
      });
    return sessionView(row, messages.map(messageView));
  }

  async list(
    ctx: RequestContext,
    q: { patientId: string; limit: number; cursor?: string | undefined },
  ): Promise<TriageSessionList> {
    const access = await requirePatientAccess(this.deps.db, ctx.actor, q.patientId, 'view');
    const rows = await repo.sessionsOfPatient(this.deps.db, access.orgId, q.patientId, q.limit, q.cursor);
    const page = rows.slice(0, q.limit);
    await recordAudit(this.deps.db, ctx, {
      action: 'triage.session.list',
      resourceType: 'triage_session',
      patientId: q.patientId,
      orgId: access.orgId,
      detail: { count: page.length },
    });
    return {
      items: page.map((r) => {
        const { messages: _m, question: _q, ...rest } = sessionView(r, []);
        return rest;
      }),
      nextCursor: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  /** Runs the engine (with the org's classifier when it has one) and builds the stored state. */
  private async evaluate(
    db: Executor,
    orgId: string,
    facts: TriageFacts & { tokens?: string[] },
    lang: Lang,
    org: Awaited<ReturnType<KnowledgeService['forOrg']>>,
  ): Promise<SessionState> {
    const classifier = org.classifier ? predictNaiveBayes(org.classifier, facts.tokens ?? []) : {};
    const classifierUsed = Object.keys(classifier).length > 0;
    const codes = org.departments.map((d) => d.code);
    const out: TriageOutput = runTriage(facts, org.kb, {
      available: codes,
      ...(classifierUsed ? { classifier, classifierWeight: CLASSIFIER_WEIGHT } : {}),
    });
    const completed = out.nextQuestion === null;
    const doctors = completed ? await this.doctorsFor(db, orgId, out, org.departments) : [];
    const names = (id: string) => {
      const s = org.kb.symptoms.find((x) => x.id === id);
      return { zh: s?.nameZh ?? id, en: s?.nameEn ?? id };
    };
    const result = resultView(out, lang, {
      symptoms: facts.symptoms,
      names,
      departments: org.departments,
      doctors,
      classifierUsed,
    });
    return {
      status: completed ? 'completed' : 'asking',
      facts,
      question: questionView(out.nextQuestion, lang),
      result,
      not_understood: null,
      urgency: out.urgency,
      red_flags: out.redFlags.map((r) => r.id),
      top_department: out.departments[0]?.departmentCode ?? null,
    };
  }

  private async doctorsFor(
    db: Executor,
    orgId: string,
    out: TriageOutput,
    departments: readonly { id: string; code: string }[],
  ): Promise<TriageDoctor[]> {
    const wanted = out.departments
      .map((d) => departments.find((x) => x.code === d.departmentCode))
      .filter((d): d is { id: string; code: string } => !!d);
    const rows = await repo.doctorsOf(
      db,
      orgId,
      wanted.map((d) => d.id),
    );
    const order = new Map(wanted.map((d, i) => [d.id, i]));
    const slots = await nextFreeSlots(
      this.deps,
      wanted.map((d) => d.id),
      3,
    );
    return rows
      .filter((r) => r.department_id !== null)
      .sort((a, b) => (order.get(a.department_id!) ?? 9) - (order.get(b.department_id!) ?? 9))
      .slice(0, 9)
      .map((r) => ({
        id: r.account_id,
        name: r.display_name,
        title: r.title,
        departmentId: r.department_id!,
        departmentCode: wanted.find((d) => d.id === r.department_id)?.code ?? '',
        consultOnline: true,
        nextSlots: slots.get(r.account_id) ?? [],
      }));
  }

  private systemMessage(state: SessionState, lang: Lang): NewMessage {
    const zh = lang === 'zh-CN';
    const q = state.question as { id: string; text: string } | null;
    if (q) return { role: 'system', kind: 'question', body: q.text, question_id: q.id };
    const r = state.result as { urgency: { reason: string }; redFlags: { advice: string }[] } | null;
    const advice = r?.redFlags[0]?.advice;
    const body =
      advice ?? (zh ? `分诊结果：${r?.urgency.reason ?? ''}` : `Triage result: ${r?.urgency.reason ?? ''}`);
    return { role: 'system', kind: 'result', body, question_id: null };
  }
}
