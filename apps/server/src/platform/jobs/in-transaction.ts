import { CompiledQuery } from 'kysely';
import type { Tx } from '../db/database.ts';

/**
 * pg-boss's `db` send option bound to a Kysely transaction: the job row is written in the caller's transaction,
 * so the job exists exactly when the change that needs it commits.
 */
export const jobsInTransaction = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[]) => ({
    rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[],
  }),
});
