/** Mirrors MeasurementReminder in the contracts: local times of day as HH:MM. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "7:30", "0730" and "7：30" as people type them, written 07:30; anything else is left for the check to reject. */
export function normalizeTime(text: string): string {
  const trimmed = text.trim().replace('：', ':');
  const match = /^(\d{1,2}):?(\d{2})$/.exec(trimmed);
  if (!match) return trimmed;
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`;
}
