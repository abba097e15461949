import pg from 'pg';
import { databaseUrl, eventually } from '../browser.ts';

/** The server's own masking of a phone number (apps/server/src/platform/crypto/field-crypto.ts). */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

async function withClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

interface SmsRow {
  id: string;
  body: string;
}

async function newestSms(phone: string, template: string): Promise<SmsRow | null> {
  return withClient(async (client) => {
    const { rows } = await client.query<SmsRow>(
      `SELECT id, body FROM outbound_messages
        WHERE channel = 'sms' AND template = $1 AND recipient_hint = $2
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [template, maskPhone(phone)],
    );
    return rows[0] ?? null;
  });
}

/**
 * Reads SMS codes the way a phone would: from the recording transport's table (outbound_messages). Call
 * `expectSms` before the action that sends one; its `code()` waits for a message newer than that moment.
 */
export async function expectSms(
  phone: string,
  template = 'login_code',
): Promise<{ code(): Promise<string> }> {
  const before = (await newestSms(phone, template))?.id ?? null;
  return {
    async code() {
      let body = '';
      await eventually(
        async () => {
          const row = await newestSms(phone, template);
          body = row && row.id !== before ? row.body : '';
          return body;
        },
        `a new ${template} SMS to ${maskPhone(phone)}`,
      ).toMatch(/\d{6}/);
      return /\d{6}/.exec(body)?.[0] ?? '';
    },
  };
}
