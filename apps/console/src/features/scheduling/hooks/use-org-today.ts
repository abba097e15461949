import { useQuery } from '@tanstack/react-query';
import { schedulingApi } from '../api/scheduling-api';
import { localIsoDate } from '../lib/schedule';
import { schedulingKeys } from './scheduling-keys';

/** Today's date (YYYY-MM-DD) on the clock of a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The organization's time zone (sessions, slots and "today" are the clinic's, whatever the browser's clock says),
 * read once from the day view.
 */
export function useOrgTimeZone(): string | undefined {
  return useQuery({
    queryKey: schedulingKeys.timeZone,
    queryFn: async () => (await schedulingApi.day(localIsoDate())).timeZone,
    staleTime: Infinity,
  }).data;
}

/** The clinic's today; undefined until its time zone is known. */
export function useOrgToday(): string | undefined {
  const timeZone = useOrgTimeZone();
  return timeZone ? todayIn(timeZone) : undefined;
}
