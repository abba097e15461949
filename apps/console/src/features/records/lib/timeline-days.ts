import type { TimelineItem } from '@careloop/contracts';
import { localDay } from './format';

export interface TimelineDay {
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  items: TimelineItem[];
  flaggedCount: number;
}

/**
 * Items (newest first, as the server pages them) grouped by the local day they happened on. Pages are appended
 * as they load; an item of a day already shown joins that day, and one id is never shown twice (a page boundary
 * may repeat an item when new entries arrive between loads).
 */
export function groupByDay(items: readonly TimelineItem[]): TimelineDay[] {
  const days: TimelineDay[] = [];
  const byDay = new Map<string, TimelineDay>();
  const seen = new Set<string>();
  for (const item of items) {
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const day = localDay(item.at);
    let group = byDay.get(day);
    if (!group) {
      group = { day, items: [], flaggedCount: 0 };
      byDay.set(day, group);
      days.push(group);
    }
    group.items.push(item);
    if (isFlagged(item)) group.flaggedCount += 1;
  }
  return days;
}

/** Flagged: an abnormal value, or a checkup with abnormal items. */
export function isFlagged(item: Pick<TimelineItem, 'flag' | 'counts'>): boolean {
  return (!!item.flag && item.flag !== 'N') || (item.counts?.abnormal ?? 0) > 0;
}
