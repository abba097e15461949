import type { Db } from '../db/database.ts';
import { uuidv7 } from '../db/ids.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';

/**
 * Where the recording (development and test) transports put what they would have sent: outbound_messages, keyed
 * by the recipient's blind index, with only a masked hint of the address.
 */
export async function recordOutbound(
  db: Db,
  crypto: FieldCrypto,
  message: {
    channel: 'sms' | 'email' | 'wechat';
    to: string;
    hint: string;
    template: string;
    body: string;
  },
): Promise<void> {
  // A WeChat OpenID has no blind-index kind of its own; it is indexed as a prefixed email-like key.
  const [kind, value] =
    message.channel === 'sms'
      ? (['phone', message.to] as const)
      : message.channel === 'email'
        ? (['email', message.to] as const)
        : (['email', `wechat:${message.to}`] as const);
  await db
    .insertInto('outbound_messages')
    .values({
      id: uuidv7(),
      channel: message.channel,
      recipient_bidx: crypto.blindIndex(kind, value),
      recipient_hint: message.hint,
      template: message.template,
      body: message.body,
    })
    .execute();
}
