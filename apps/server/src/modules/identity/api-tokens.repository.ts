import type { Executor } from '../../platform/db/database.ts';

const COLUMNS = ['id', 'name', 'scopes', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

export const apiTokensRepository = {
  async listOwn(db: Executor, accountId: string, orgId: string) {
    return db
      .selectFrom('api_tokens')
      .select(COLUMNS)
      .where('account_id', '=', accountId)
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  async insert(
    db: Executor,
    row: {
      id: string;
      org_id: string;
      account_id: string;
      name: string;
      token_hash: string;
      scopes: string[];
      expires_at: string | null;
    },
  ) {
    return db.insertInto('api_tokens').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
  },

  async revokeOwn(db: Executor, accountId: string, id: string): Promise<boolean> {
    const r = await db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
