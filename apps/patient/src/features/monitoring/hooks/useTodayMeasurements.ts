import { SUMMARY_DAYS } from './useMonitoringPush.ts';
import { useMonitoringSummary, useTodayReadings } from './useMonitoringQueries.ts';
import { usePendingReadings } from './useOutbox.ts';
import { openSlots, reminderSlots } from '../lib/today.ts';

/** What the home page says about monitoring today: times still to measure, urgent advice, readings waiting. */
export function useTodayMeasurements(patientId: string | undefined) {
  const summary = useMonitoringSummary(patientId, SUMMARY_DAYS);
  const today = useTodayReadings(patientId);
  const pending = usePendingReadings(patientId ?? '');
  const plan = summary.data?.plan ?? null;
  const taken = [...(today.data ?? []), ...pending.map((e) => e.reading)];
  const todo = plan && today.data ? openSlots(reminderSlots(plan.reminders, taken, new Date())) : [];
  const urgent =
    summary.data?.openAlerts.find((a) => a.severity === 'urgent' && a.patientAdvice?.trim()) ?? null;
  return { todo, urgent, pending };
}
