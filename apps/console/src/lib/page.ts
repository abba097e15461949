import type { Page } from '../api/types';

/** Lists answer `{ items, nextCursor }`; a few small ones may answer a bare array. Both read the same here. */
export function itemsOf<T>(answer: Pick<Page<T>, 'items'> | T[] | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}
