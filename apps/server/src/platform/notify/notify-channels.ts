import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { RecordingEmailTransport, SmtpEmailTransport, type EmailTransport } from './email.ts';
import { RecordingSmsProvider, type SmsProvider } from './sms.ts';
import { RecordingWeChatProvider, type WeChatProvider } from './wechat.ts';
import { VapidKeyStore } from './vapid-keys.ts';
import { VapidWebPushSender, type WebPushSender } from './web-push.ts';

/** The outside channels notifications are delivered on, chosen from the configuration. */
export interface NotifyChannels {
  readonly push: WebPushSender;
  readonly email: EmailTransport;
  readonly sms: SmsProvider;
  readonly wechat: WeChatProvider;
  close(): void;
}

export function createNotifyChannels(config: Config, db: Db, crypto: FieldCrypto): NotifyChannels {
  const email = config.smtpUrl
    ? new SmtpEmailTransport(config.smtpUrl, config.notify.emailFrom)
    : new RecordingEmailTransport(db, crypto);
  // Only the recording transports exist so far; a provider adapter is added beside them and chosen here.
  const sms: SmsProvider = new RecordingSmsProvider(db, crypto);
  const wechat: WeChatProvider = new RecordingWeChatProvider(db, crypto);
  const push = new VapidWebPushSender(new VapidKeyStore(db, crypto), config.notify.vapidSubject);
  return { push, email, sms, wechat, close: () => email.close() };
}
