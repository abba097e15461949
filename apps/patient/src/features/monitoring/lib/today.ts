import type { MeasurementReminder, ReadingType } from '@careloop/contracts';

/** Midnight today in the phone's time zone. */
export function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export function isSameLocalDay(iso: string, now: Date): boolean {
  const date = new Date(iso);
  return (
    date.getFullYear() === now.getFullYear() &&
    date.getMonth() === now.getMonth() &&
    date.getDate() === now.getDate()
  );
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function minutesOfDay(date: Date): number {
  return date.getHours() * 60 + date.getMinutes() + date.getSeconds() / 60;
}

export type SlotStatus = 'done' | 'due' | 'upcoming' | 'missed';

export interface ReminderSlot {
  type: ReadingType;
  /** `HH:mm`, local time. */
  time: string;
  status: SlotStatus;
  /** The reading that did it (ISO time), when done. */
  doneAt: string | null;
}

/** A reminder counts as due from this long before its time. */
const DUE_BEFORE_MINUTES = 30;

/**
 * Today's measuring times from the plan, each done or not. The day is shared out between a type's times: each time
 * owns the hours from halfway after the time before it to halfway before the next, so a reading taken a little
 * early or late still counts for the time it was meant for, and one reading never counts twice.
 */
export function reminderSlots(
  reminders: readonly MeasurementReminder[],
  taken: readonly { type: ReadingType; takenAt: string }[],
  now: Date,
): ReminderSlot[] {
  const nowMinutes = minutesOfDay(now);
  const slots: ReminderSlot[] = [];
  for (const reminder of reminders) {
    const times = [...new Set(reminder.times)].sort((a, b) => minutesOf(a) - minutesOf(b));
    const today = taken
      .filter((r) => r.type === reminder.type && isSameLocalDay(r.takenAt, now))
      .map((r) => ({ at: r.takenAt, minutes: minutesOfDay(new Date(r.takenAt)) }))
      .sort((a, b) => a.minutes - b.minutes);
    times.forEach((time, index) => {
      const at = minutesOf(time);
      const previous = times[index - 1];
      const next = times[index + 1];
      const start = previous === undefined ? 0 : (minutesOf(previous) + at) / 2;
      const end = next === undefined ? 24 * 60 : (at + minutesOf(next)) / 2;
      const reading = today.find((r) => r.minutes >= start && r.minutes < end);
      let status: SlotStatus;
      if (reading) status = 'done';
      else if (nowMinutes < at - DUE_BEFORE_MINUTES) status = 'upcoming';
      else if (nowMinutes >= end) status = 'missed';
      else status = 'due';
      slots.push({ type: reminder.type, time, status, doneAt: reading?.at ?? null });
    });
  }
  return slots.sort((a, b) => minutesOf(a.time) - minutesOf(b.time) || a.type.localeCompare(b.type));
}

/** The slots still to do now or later today. */
export function openSlots(slots: readonly ReminderSlot[]): ReminderSlot[] {
  return slots.filter((s) => s.status === 'due' || s.status === 'upcoming');
}
