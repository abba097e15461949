import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

export const mfaRepository = {
  async setPendingSecret(db: Executor, accountId: string, secretEnc: string) {
    await db
      .updateTable('accounts')
      .set({ mfa_pending_secret_enc: secretEnc, updated_at: new Date() })
      .where('id', '=', accountId)
      .execute();
  },

  async enable(db: Executor, accountId: string, secretEnc: string, step: number) {
    await db
      .updateTable('accounts')
      .set({
        mfa_secret_enc: secretEnc,
        mfa_pending_secret_enc: null,
        mfa_enabled: true,
        mfa_last_step: String(step),
        updated_at: new Date(),
      })
      .where('id', '=', accountId)
      .execute();
  },

  async replaceRecoveryCodes(db: Executor, accountId: string, codeHashes: string[]) {
    await db.deleteFrom('mfa_recovery_codes').where('account_id', '=', accountId).execute();
    await db
      .insertInto('mfa_recovery_codes')
      .values(codeHashes.map((h) => ({ id: uuidv7(), account_id: accountId, code_hash: h, used_at: null })))
      .execute();
  },

  async unusedRecoveryCodes(db: Executor, accountId: string) {
    return db
      .selectFrom('mfa_recovery_codes')
      .select(['id', 'code_hash'])
      .where('account_id', '=', accountId)
      .where('used_at', 'is', null)
      .execute();
  },

  /** Marks a recovery code used; false when another request used it first. */
  async useRecoveryCode(db: Executor, id: string): Promise<boolean> {
    const r = await db
      .updateTable('mfa_recovery_codes')
      .set({ used_at: new Date() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Accepts a TOTP time step only if it is newer than the last one accepted (no replay of a seen code). */
  async claimTotpStep(db: Executor, accountId: string, step: number): Promise<boolean> {
    const r = await db
      .updateTable('accounts')
      .set({ mfa_last_step: String(step) })
      .where('id', '=', accountId)
      .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', String(step))]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
