import type { Appointment, ScheduleTemplate, Slot } from '@careloop/contracts';
import type { Language } from '../../platform/http/language.ts';
import { DEFAULT_SETTINGS, type TemplateRow } from './schedules.repository.ts';
import type { AppointmentRow } from './appointments.repository.ts';

/** 'HH:MM:SS' from PostgreSQL -> 'HH:MM'. */
export const hhmm = (time: string) => time.slice(0, 5);

const name = (language: Language, zh: string | null, en: string | null) =>
  (language === 'zh-CN' ? zh : en) ?? zh ?? '';

export function departmentRef(language: Language, id: string | null, zh: string | null, en: string | null) {
  return id ? { id, name: name(language, zh, en) } : null;
}

export function toTemplate(r: TemplateRow, language: Language): ScheduleTemplate {
  return {
    id: r.id,
    doctor: { id: r.doctor_account_id, name: r.doctor_name },
    department: departmentRef(language, r.department_id, r.department_zh, r.department_en),
    weekday: r.weekday,
    startTime: hhmm(r.start_time),
    endTime: hhmm(r.end_time),
    slotMinutes: r.slot_minutes,
    capacity: r.capacity,
    mode: r.mode,
    feeFen: r.fee_fen,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    version: r.version,
  };
}

export interface SlotRow {
  id: string;
  session_id: string;
  doctor_account_id: string;
  doctor_name: string;
  department_id: string | null;
  department_zh: string | null;
  department_en: string | null;
  starts_at: Date;
  ends_at: Date;
  mode: 'in_person' | 'online';
  fee_fen: number;
  capacity: number;
  booked: number;
  held: number;
  status: 'open' | 'closed';
}

export function toSlot(r: SlotRow, language: Language): Slot {
  return {
    id: r.id,
    sessionId: r.session_id,
    doctor: { id: r.doctor_account_id, name: r.doctor_name },
    department: departmentRef(language, r.department_id, r.department_zh, r.department_en),
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    mode: r.mode,
    feeFen: r.fee_fen,
    capacity: r.capacity,
    booked: r.booked,
    free: r.status === 'open' ? Math.max(0, r.capacity - r.booked - r.held) : 0,
    status: r.status,
  };
}

/** The answer of an appointment; the times it may be changed and checked in follow the org's settings. */
export function toAppointment(r: AppointmentRow, language: Language): Appointment {
  const start = r.starts_at.getTime();
  const settings = {
    cancelCutoffHours: r.cancel_cutoff_hours ?? DEFAULT_SETTINGS.cancelCutoffHours,
    checkInBeforeMinutes: r.check_in_before_minutes ?? DEFAULT_SETTINGS.checkInBeforeMinutes,
    checkInAfterMinutes: r.check_in_after_minutes ?? DEFAULT_SETTINGS.checkInAfterMinutes,
  };
  return {
    id: r.id,
    patient: { id: r.patient_id, name: r.patient_name },
    doctor: { id: r.doctor_account_id, name: r.doctor_name, title: r.doctor_title },
    department: departmentRef(language, r.department_id, r.department_zh, r.department_en),
    sessionId: r.session_id,
    slotId: r.slot_id,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    mode: r.mode,
    feeFen: r.fee_fen,
    status: r.status,
    queueState: r.queue_state,
    queueNumber: r.queue_number,
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    cancelReason: r.cancel_reason,
    changeableUntil: new Date(start - settings.cancelCutoffHours * 3_600_000).toISOString(),
    checkInOpensAt: new Date(start - settings.checkInBeforeMinutes * 60_000).toISOString(),
    checkInClosesAt: new Date(start + settings.checkInAfterMinutes * 60_000).toISOString(),
    rescheduledFrom: r.rescheduled_from,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}
