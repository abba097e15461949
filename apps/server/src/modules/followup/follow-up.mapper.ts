import type { FollowUpTask, PatientFollowUpTask } from '@careloop/contracts';
import { analyteByLoinc } from '@careloop/clinical';
import type { Language } from '../../platform/http/language.ts';
import type { TaskRow } from './follow-up.repository.ts';

const observationOf = (row: TaskRow, language: Language): FollowUpTask['observation'] => {
  if (!row.obs_id || !row.obs_at || !row.obs_code) return null;
  const analyte = row.obs_code_system === 'loinc' ? analyteByLoinc(row.obs_code) : undefined;
  return {
    id: row.obs_id,
    code: row.obs_code,
    name: analyte ? (language === 'zh-CN' ? analyte.zh : analyte.en) : (row.obs_name ?? row.obs_code),
    value: row.obs_value,
    valueText: row.obs_value_text,
    unit: row.obs_unit,
    flag: row.obs_flag,
    at: row.obs_at.toISOString(),
  };
};

export function toTask(row: TaskRow, language: Language, now = new Date()): FollowUpTask {
  const zh = language === 'zh-CN';
  return {
    id: row.id,
    patient: { id: row.patient_id, name: row.patient_name, mrn: row.patient_mrn },
    ruleId: row.rule_id,
    title: zh ? row.title_zh : row.title_en,
    advice: zh ? row.advice_zh : row.advice_en,
    kind: row.kind,
    priority: row.priority,
    department: row.department,
    status: row.status,
    dueAt: row.due_at.toISOString(),
    overdue: row.status === 'open' && row.due_at.getTime() < now.getTime(),
    observation: observationOf(row, language),
    reportId: row.report_id,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    completedAt: row.completed_at?.toISOString() ?? null,
    completedBy: row.completed_by ? { id: row.completed_by, name: row.completed_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** A patient sees the advice and the date, not who on the care team holds the task or their notes. */
export function toPatientTask(row: TaskRow, language: Language): PatientFollowUpTask {
  const task = toTask(row, language);
  return {
    id: task.id,
    title: task.title,
    advice: task.advice,
    kind: task.kind,
    priority: task.priority,
    department: task.department,
    status: task.status,
    dueAt: task.dueAt,
    overdue: task.overdue,
    observation: task.observation,
    reportId: task.reportId,
    createdAt: task.createdAt,
  };
}
