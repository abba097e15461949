import type { TriageOutput, TriageQuestionDef } from '@careloop/clinical';
import type { TriageDoctor, TriageQuestion, TriageResult, TriageSession } from '@careloop/contracts';
import type { SessionRow } from './triage.repository.ts';

// Turns engine output into the API's shapes, in the session's language.

export type Lang = 'zh-CN' | 'en-US';

const NAMES: Record<string, [string, string]> = {
  cardiology: ['心内科', 'Cardiology'],
  endocrinology: ['内分泌科', 'Endocrinology'],
  respiratory: ['呼吸内科', 'Respiratory Medicine'],
  gastroenterology: ['消化内科', 'Gastroenterology'],
  neurology: ['神经内科', 'Neurology'],
  'general-practice': ['全科', 'General Practice'],
  pediatrics: ['儿科', 'Pediatrics'],
  'obstetrics-gynecology': ['妇产科', 'Obstetrics and Gynecology'],
};

export const DISCLAIMER = {
  zh: '分诊建议仅供参考，不能代替医生诊断。如症状加重或出现危险信号，请立即拨打120。',
  en: 'Triage advice is guidance, not a diagnosis. If symptoms get worse or a danger sign appears, call 120 at once.',
};

export function questionView(q: TriageQuestionDef | null, lang: Lang): TriageQuestion | null {
  if (!q) return null;
  const zh = lang === 'zh-CN';
  return {
    id: q.id,
    kind: q.kind,
    text: zh ? q.textZh : q.textEn,
    answerType: q.answerType,
    options: q.options.map((o) => ({ value: o.value, label: zh ? o.labelZh : o.labelEn })),
    min: q.min,
    max: q.max,
    unit: q.unit,
  };
}

export interface OrgDepartment {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
}

export function resultView(
  out: TriageOutput,
  lang: Lang,
  ctx: {
    symptoms: Record<string, boolean>;
    names: (id: string) => { zh: string; en: string };
    departments: readonly OrgDepartment[];
    doctors: TriageDoctor[];
    classifierUsed: boolean;
  },
): TriageResult {
  const zh = lang === 'zh-CN';
  const byCode = new Map(ctx.departments.map((d) => [d.code, d]));
  return {
    redFlags: out.redFlags.map((r) => ({
      id: r.id,
      label: zh ? r.labelZh : r.labelEn,
      advice: zh ? r.adviceZh : r.adviceEn,
      source: r.source,
    })),
    urgency: { level: out.urgency, reason: zh ? out.urgencyReason.zh : out.urgencyReason.en },
    departments: out.departments.map((d) => {
      const org = byCode.get(d.departmentCode);
      const fallback = NAMES[d.departmentCode] ?? [d.departmentCode, d.departmentCode];
      const because = d.because.map((id) => (zh ? ctx.names(id).zh : ctx.names(id).en));
      return {
        departmentCode: d.departmentCode,
        departmentId: org?.id ?? null,
        name: org ? (zh ? org.name_zh : org.name_en) : zh ? fallback[0] : fallback[1],
        score: d.score,
        reason:
          because.length > 0
            ? zh
              ? `根据：${because.join('、')}`
              : `Based on: ${because.join(', ')}`
            : zh
              ? '可先由全科医生评估'
              : 'A general practitioner can assess this first',
      };
    }),
    doctors: ctx.doctors,
    symptoms: Object.entries(ctx.symptoms).map(([id, present]) => ({
      id,
      label: zh ? ctx.names(id).zh : ctx.names(id).en,
      negated: !present,
    })),
    classifierUsed: ctx.classifierUsed,
    emergencyNumber: '120',
    disclaimer: zh ? DISCLAIMER.zh : DISCLAIMER.en,
  };
}

export function sessionView(
  row: NonNullable<SessionRow>,
  messages: TriageSession['messages'],
): TriageSession {
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.status,
    language: row.language,
    question: (row.question as TriageQuestion | null) ?? null,
    questionsAsked: ((row.facts as { asked?: string[] }).asked ?? []).length,
    result: (row.result as TriageResult | null) ?? null,
    notUnderstood: (row.not_understood as { reason: string; advice: string } | null) ?? null,
    outcome:
      row.outcome_action && row.outcome_at
        ? { action: row.outcome_action, refId: row.outcome_ref_id, recordedAt: row.outcome_at.toISOString() }
        : null,
    messages,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
