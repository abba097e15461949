import type { Db } from '../db/database.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { maskPhone } from '../crypto/field-crypto.ts';
import { sent, type SendResult } from './channel.ts';
import { recordOutbound } from './recording-outbox.ts';

/**
 * An SMS gateway (Aliyun SMS, Tencent Cloud SMS, Twilio...). A provider adapter implements this and maps the
 * gateway's answers: a bad number or a rejected template is permanent, throttling and outages are not.
 */
export interface SmsProvider {
  send(message: { to: string; text: string; template: string }): Promise<SendResult>;
}

/** Development and tests: writes what would be sent to outbound_messages instead of calling a gateway. */
export class RecordingSmsProvider implements SmsProvider {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
  ) {}

  async send(message: { to: string; text: string; template: string }): Promise<SendResult> {
    await recordOutbound(this.db, this.crypto, {
      channel: 'sms',
      to: message.to,
      hint: maskPhone(message.to) ?? '',
      template: message.template,
      body: message.text,
    });
    return sent;
  }
}
