import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

export interface AccountForLogin {
  id: string;
  kind: 'patient' | 'staff';
  password_hash: string | null;
  failed_logins: number;
  locked_until: Date | null;
  mfa_enabled: boolean;
  mfa_exempt: boolean;
  active: boolean;
}

const LOGIN_COLUMNS = [
  'id',
  'kind',
  'password_hash',
  'failed_logins',
  'locked_until',
  'mfa_enabled',
  'mfa_exempt',
  'active',
] as const;

export const identityRepository = {
  async findAccountForLogin(db: Executor, by: { email?: string; phoneBidx?: string }) {
    let q = db.selectFrom('accounts').select(LOGIN_COLUMNS);
    if (by.email) q = q.where('email', '=', by.email);
    else if (by.phoneBidx) q = q.where('phone_bidx', '=', by.phoneBidx);
    else return undefined;
    return q.executeTakeFirst() as Promise<AccountForLogin | undefined>;
  },

  async findAccountById(db: Executor, id: string) {
    return db
      .selectFrom('accounts')
      .select([
        ...LOGIN_COLUMNS,
        'display_name',
        'email',
        'phone_enc',
        'locale',
        'elder_mode',
        'mfa_secret_enc',
        'mfa_pending_secret_enc',
        'is_platform_admin',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Counts a failed attempt and locks the account once the limit is reached; returns the new state. */
  async recordFailedLogin(db: Executor, accountId: string, maxFailures: number, lockMinutes: number) {
    return db
      .updateTable('accounts')
      .set({
        failed_logins: sql`failed_logins + 1`,
        locked_until: sql`CASE WHEN failed_logins + 1 >= ${maxFailures}
                           THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END`,
      })
      .where('id', '=', accountId)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirst();
  },

  async clearFailedLogins(db: Executor, accountId: string) {
    await db
      .updateTable('accounts')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', accountId)
      .where((eb) => eb.or([eb('failed_logins', '>', 0), eb('locked_until', 'is not', null)]))
      .execute();
  },

  async firstActiveMembership(db: Executor, accountId: string) {
    return db
      .selectFrom('memberships')
      .select(['org_id'])
      .where('account_id', '=', accountId)
      .where('active', '=', true)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  },

  async membershipsWithOrg(db: Executor, accountId: string) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select(['m.org_id', 'o.name_zh', 'o.name_en', 'm.roles', 'm.department_id'])
      .where('m.account_id', '=', accountId)
      .where('m.active', '=', true)
      .orderBy('m.created_at')
      .execute();
  },

  async updatePreferences(
    db: Executor,
    accountId: string,
    prefs: { locale?: 'zh-CN' | 'en-US'; elderMode?: boolean },
  ) {
    const set: { locale?: 'zh-CN' | 'en-US'; elder_mode?: boolean; updated_at: Date } = {
      updated_at: new Date(),
    };
    if (prefs.locale) set.locale = prefs.locale;
    if (prefs.elderMode !== undefined) set.elder_mode = prefs.elderMode;
    await db.updateTable('accounts').set(set).where('id', '=', accountId).execute();
  },

  async setPassword(db: Executor, accountId: string, passwordHash: string) {
    await db
      .updateTable('accounts')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', accountId)
      .execute();
  },

  async createPatientAccount(
    db: Executor,
    input: { displayName: string; phoneEnc: string; phoneBidx: string; passwordHash: string },
  ) {
    const id = uuidv7();
    await db
      .insertInto('accounts')
      .values({
        id,
        kind: 'patient',
        display_name: input.displayName,
        email: null,
        phone_enc: input.phoneEnc,
        phone_bidx: input.phoneBidx,
        password_hash: input.passwordHash,
        locale: null,
        mfa_secret_enc: null,
        mfa_pending_secret_enc: null,
        locked_until: null,
      })
      .execute();
    return id;
  },

  // --- one-time codes (SMS login, registration, password reset) ---
  async insertCode(
    db: Executor,
    input: {
      purpose: 'sms_login' | 'register' | 'password_reset';
      targetBidx: string;
      codeHash: string;
      ttlMinutes: number;
    },
  ) {
    await db
      .insertInto('one_time_codes')
      .values({
        id: uuidv7(),
        purpose: input.purpose,
        target_bidx: input.targetBidx,
        code_hash: input.codeHash,
        expires_at: new Date(Date.now() + input.ttlMinutes * 60_000),
      })
      .execute();
  },

  async countRecentCodes(db: Executor, purpose: string, targetBidx: string, minutes: number) {
    const row = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM one_time_codes
       WHERE purpose = ${purpose} AND target_bidx = ${targetBidx}
         AND created_at > now() - make_interval(mins => ${minutes})`.execute(db);
    return row.rows[0]?.n ?? 0;
  },

  async latestOpenCode(
    db: Executor,
    purpose: 'sms_login' | 'register' | 'password_reset',
    targetBidx: string,
  ) {
    return db
      .selectFrom('one_time_codes')
      .select(['id', 'code_hash', 'attempts', 'expires_at'])
      .where('purpose', '=', purpose)
      .where('target_bidx', '=', targetBidx)
      .where('used_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async bumpCodeAttempts(db: Executor, id: string) {
    await db
      .updateTable('one_time_codes')
      .set({ attempts: sql`attempts + 1` })
      .where('id', '=', id)
      .execute();
  },

  async useCode(db: Executor, id: string) {
    const r = await db
      .updateTable('one_time_codes')
      .set({ used_at: new Date() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  // --- sessions listing ---
  async listSessions(db: Executor, accountId: string) {
    return db
      .selectFrom('sessions')
      .select(['id', 'user_agent', 'ip', 'created_at', 'last_seen_at'])
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('last_seen_at', 'desc')
      .limit(100)
      .execute();
  },

  async revokeOwnSession(db: Executor, accountId: string, sessionId: string) {
    const r = await db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', sessionId)
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async revokeAllSessions(db: Executor, accountId: string, exceptSessionId: string | null) {
    let q = db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null);
    if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
    await q.execute();
  },
};
