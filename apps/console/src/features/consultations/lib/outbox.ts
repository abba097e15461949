import type { AttachmentKind } from '@careloop/contracts';

/** A message typed or attached here and not yet stored by the server. */
export interface OutboxItem {
  clientId: string;
  kind: 'text' | AttachmentKind;
  body?: string;
  attachmentId?: string;
  /** Shown while the file goes up, and in the bubble until the stored message replaces it. */
  fileName?: string;
  createdAt: string;
  /** `sending` waits for the server (and is sent again after a reconnect); `failed` was refused. */
  state: 'sending' | 'failed';
  error?: string;
}

const KEY = 'careloop.console.outbox.';

/**
 * The outbox survives a reload: kept in sessionStorage per consultation, so a message typed just before the tab
 * lost its connection is still sent (with the same clientId) when the page comes back.
 */
export function loadOutbox(consultationId: string): OutboxItem[] {
  try {
    const raw = sessionStorage.getItem(KEY + consultationId);
    const items = raw ? (JSON.parse(raw) as OutboxItem[]) : [];
    return Array.isArray(items) ? items.filter((i) => typeof i.clientId === 'string') : [];
  } catch {
    return [];
  }
}

export function saveOutbox(consultationId: string, items: readonly OutboxItem[]): void {
  try {
    if (items.length === 0) sessionStorage.removeItem(KEY + consultationId);
    else sessionStorage.setItem(KEY + consultationId, JSON.stringify(items));
  } catch {
    // Storage full or blocked: the outbox still lives in memory for this page.
  }
}
