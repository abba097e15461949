import type { DeliveryChannel, NotificationCategory, NotificationKind } from '@careloop/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { effectiveChannels } from './categories.ts';
import { releaseTime } from './quiet-hours.ts';
import { preferencesRepository } from './preferences.repository.ts';

export interface NotificationToPlan {
  id: string;
  orgId: string | null;
  accountId: string;
  kind: NotificationKind;
  category: NotificationCategory;
  urgency: 'urgent' | 'normal';
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * One delivery row per notification and channel the recipient chose and can be reached on, due now or, for
 * non-urgent notifications inside the recipient's quiet hours, when they end.
 */
export async function planDeliveries(tx: Executor, notes: readonly NotificationToPlan[], now: Date) {
  const recipients = await preferencesRepository.recipients(tx, [...new Set(notes.map((n) => n.accountId))]);
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const orgZones = await zonesOfOrgs(
    tx,
    notes.filter((n) => byId.get(n.accountId)?.quietStart && !byId.get(n.accountId)?.timeZone),
  );
  const rows = [];
  for (const note of notes) {
    const r = byId.get(note.accountId);
    if (!r || !r.active) continue;
    const wanted = effectiveChannels(r.channels)[note.category];
    const reachable: Record<DeliveryChannel, boolean> = {
      push: r.hasPush,
      email: r.hasEmail,
      sms: r.hasPhone,
      wechat: r.hasWechat,
    };
    const quiet =
      r.quietStart && r.quietEnd && note.urgency !== 'urgent'
        ? {
            start: r.quietStart,
            end: r.quietEnd,
            timeZone: r.timeZone ?? (note.orgId ? orgZones.get(note.orgId) : undefined) ?? DEFAULT_TIME_ZONE,
          }
        : null;
    const due = releaseTime(now, quiet);
    for (const channel of wanted) {
      if (!reachable[channel]) continue;
      rows.push({
        id: uuidv7(),
        notification_id: note.id,
        org_id: note.orgId,
        account_id: note.accountId,
        kind: note.kind,
        category: note.category,
        urgency: note.urgency,
        channel,
        due_at: due,
        next_attempt_at: due,
      });
    }
  }
  return rows;
}

async function zonesOfOrgs(tx: Executor, notes: readonly NotificationToPlan[]): Promise<Map<string, string>> {
  const ids = [...new Set(notes.map((n) => n.orgId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('orgs').select(['id', 'time_zone']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.time_zone]));
}
