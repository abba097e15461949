import type { Db } from '../db/database.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { sent, type SendResult } from './channel.ts';
import { recordOutbound } from './recording-outbox.ts';

export interface WeChatMessage {
  /** The person's OpenID under the official account. */
  readonly openId: string;
  readonly title: string;
  readonly text: string;
  /** Opens when the person taps the message. */
  readonly url: string | null;
  readonly template: string;
}

/**
 * WeChat official-account template messages (模板消息 / 订阅消息). A provider adapter implements this with the
 * account's access token and template ids; 43004 (not following) and 40003 (bad OpenID) are permanent.
 */
export interface WeChatProvider {
  send(message: WeChatMessage): Promise<SendResult>;
}

/** Development and tests: records what would be sent. */
export class RecordingWeChatProvider implements WeChatProvider {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
  ) {}

  async send(message: WeChatMessage): Promise<SendResult> {
    await recordOutbound(this.db, this.crypto, {
      channel: 'wechat',
      to: message.openId,
      hint: `${message.openId.slice(0, 4)}***`,
      template: message.template,
      body: `${message.title}\n${message.text}${message.url ? `\n${message.url}` : ''}`,
    });
    return sent;
  }
}
