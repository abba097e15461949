import webpush from 'web-push';
import type { Db } from '../db/database.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';

export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url (what browsers take as applicationServerKey). */
  readonly publicKey: string;
  readonly privateKey: string;
}

const NAME = 'vapid';

/**
 * The server's VAPID key pair: generated on first use and kept in app_secrets (private key encrypted with the
 * field keys), so subscriptions made against it keep working across restarts and server processes. Two processes
 * starting together both try to insert; the first wins and both read the winner.
 */
export class VapidKeyStore {
  #keys: Promise<VapidKeys> | null = null;

  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
  ) {}

  keys(): Promise<VapidKeys> {
    this.#keys ??= this.#load().catch((error: unknown) => {
      this.#keys = null;
      throw error;
    });
    return this.#keys;
  }

  async #load(): Promise<VapidKeys> {
    const stored = await this.#read();
    if (stored) return stored;
    const fresh = webpush.generateVAPIDKeys();
    await this.db
      .insertInto('app_secrets')
      .values({
        name: NAME,
        public_value: fresh.publicKey,
        secret_enc: this.crypto.encrypt(fresh.privateKey),
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const kept = await this.#read();
    if (!kept) throw new Error('VAPID keys could not be stored');
    return kept;
  }

  async #read(): Promise<VapidKeys | null> {
    const row = await this.db
      .selectFrom('app_secrets')
      .select(['public_value', 'secret_enc'])
      .where('name', '=', NAME)
      .executeTakeFirst();
    if (!row?.public_value) return null;
    return { publicKey: row.public_value, privateKey: this.crypto.decrypt(row.secret_enc) };
  }
}
