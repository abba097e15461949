import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/database.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { failed, networkErrorCode, sent, type SendResult } from './channel.ts';
import { recordOutbound } from './recording-outbox.ts';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Names the template in the recording transport (the notification kind). */
  readonly template: string;
}

/** Sends one email. SMTP through nodemailer in production; the recording transport keeps it in the database. */
export interface EmailTransport {
  send(message: EmailMessage): Promise<SendResult>;
  close(): void;
}

export class SmtpEmailTransport implements EmailTransport {
  readonly #transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Bounded waits: a hung mail server must fail the attempt (and retry later), not hold the job.
    this.#transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(message: EmailMessage): Promise<SendResult> {
    try {
      await this.#transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      return sent;
    } catch (error) {
      const e = error as { responseCode?: number };
      // 5xx is the server refusing for good (no such mailbox, rejected); 4xx and network errors may pass later.
      if (typeof e.responseCode === 'number') return failed(`smtp_${e.responseCode}`, e.responseCode >= 500);
      return failed(`smtp_${networkErrorCode(error)}`);
    }
  }

  close(): void {
    this.#transport.close();
  }
}

export class RecordingEmailTransport implements EmailTransport {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
  ) {}

  async send(message: EmailMessage): Promise<SendResult> {
    await recordOutbound(this.db, this.crypto, {
      channel: 'email',
      to: message.to,
      hint: message.to.replace(/^(.).*(@.*)$/, '$1***$2'),
      template: message.template,
      body: `${message.subject}\n\n${message.text}`,
    });
    return sent;
  }

  close(): void {}
}
