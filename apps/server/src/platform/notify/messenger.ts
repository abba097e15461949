import type { Executor } from '../db/database.ts';
import { uuidv7 } from '../db/ids.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { maskPhone } from '../crypto/field-crypto.ts';
import type { Language } from '../http/language.ts';

export type MessageTemplate = 'login_code' | 'register_code' | 'password_reset_code' | 'staff_invitation';

const TEMPLATES: Record<MessageTemplate, Record<Language, (p: Record<string, string>) => string>> = {
  login_code: {
    'zh-CN': (p) => `【CareLoop】您的登录验证码是 ${p.code}，5 分钟内有效。请勿告诉他人。`,
    'en-US': (p) => `[CareLoop] Your sign-in code is ${p.code}. It expires in 5 minutes. Do not share it.`,
  },
  register_code: {
    'zh-CN': (p) => `【CareLoop】您的注册验证码是 ${p.code}，5 分钟内有效。`,
    'en-US': (p) => `[CareLoop] Your registration code is ${p.code}. It expires in 5 minutes.`,
  },
  password_reset_code: {
    'zh-CN': (p) => `【CareLoop】您正在重置密码，验证码 ${p.code}，10 分钟内有效。如非本人操作请忽略。`,
    'en-US': (p) =>
      `[CareLoop] Your password reset code is ${p.code} (valid 10 minutes). Ignore this if it was not you.`,
  },
  staff_invitation: {
    'zh-CN': (p) => `${p.org} 邀请您加入 CareLoop 工作台。请在 7 天内打开链接设置密码：${p.url}`,
    'en-US': (p) =>
      `${p.org} invites you to the CareLoop console. Open this link within 7 days to set your password: ${p.url}`,
  },
};

export interface OutboundMessage {
  channel: 'sms' | 'email';
  to: string;
  template: MessageTemplate;
  params: Record<string, string>;
  language: Language;
}

/**
 * The port to paid outside services (SMS gateway, SMTP). The recording transport keeps every message in
 * outbound_messages, keyed by the recipient's blind index, so development and tests can read codes and links.
 */
export interface Messenger {
  send(tx: Executor, message: OutboundMessage): Promise<void>;
}

export class RecordingMessenger implements Messenger {
  constructor(private readonly crypto: FieldCrypto) {}

  async send(tx: Executor, message: OutboundMessage): Promise<void> {
    const body = TEMPLATES[message.template][message.language](message.params);
    const kind = message.channel === 'sms' ? 'phone' : 'email';
    await tx
      .insertInto('outbound_messages')
      .values({
        id: uuidv7(),
        channel: message.channel,
        recipient_bidx: this.crypto.blindIndex(kind, message.to),
        recipient_hint:
          message.channel === 'sms' ? maskPhone(message.to) : message.to.replace(/^(.).*(@.*)$/, '$1***$2'),
        template: message.template,
        body,
      })
      .execute();
  }
}
