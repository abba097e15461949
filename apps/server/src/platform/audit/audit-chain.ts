import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../db/database.ts';

const GENESIS = '0'.repeat(64);
// Only one sealer at a time across all processes; others skip their turn.
const SEAL_LOCK = 7_215_004_312;

interface ChainRow {
  seq: string;
  id: string;
  xid: string;
  org_id: string | null;
  at_utc: string;
  actor_account_id: string | null;
  actor_kind: string | null;
  action: string;
  patient_id: string | null;
  resource_type: string;
  resource_id: string | null;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
  detail: string | null;
}

function canonical(row: ChainRow): string {
  return JSON.stringify([
    row.seq,
    row.id,
    row.xid,
    row.org_id,
    row.at_utc,
    row.actor_account_id,
    row.actor_kind,
    row.action,
    row.patient_id,
    row.resource_type,
    row.resource_id,
    row.reason,
    row.request_id,
    row.ip,
    row.detail,
  ]);
}

export function blockHash(prevHash: string, rows: readonly ChainRow[]): string {
  const h = createHash('sha256').update(prevHash);
  for (const row of rows) h.update('\n').update(canonical(row));
  return h.digest('hex');
}

async function rowsBetween(db: Executor, xidFrom: string, xidTo: string): Promise<ChainRow[]> {
  const result = await sql<ChainRow>`
    SELECT seq::text, id::text, xid::text, org_id::text,
           to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_utc,
           actor_account_id::text, actor_kind, action, patient_id::text, resource_type, resource_id, reason,
           request_id, ip, detail::text
      FROM audit_events
     WHERE xid >= ${xidFrom}::xid8 AND xid < ${xidTo}::xid8
     ORDER BY xid, seq`.execute(db);
  return result.rows;
}

export interface SealResult {
  sealed: number;
  blockNo: number | null;
}

/**
 * Seals every entry written by transactions that have finished into one new block. The horizon is the oldest
 * transaction still running (snapshot xmin): no entry below it can still appear, so writers never wait on the chain.
 */
export async function sealAuditBlock(db: Db): Promise<SealResult> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`.execute(
        tx,
      );
      if (!lock.rows[0]?.ok) return { sealed: 0, blockNo: null };
      const horizon = await sql<{
        x: string;
      }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x`.execute(tx);
      const xidTo = horizon.rows[0]!.x;
      const last = await tx
        .selectFrom('audit_blocks')
        .select(['block_no', 'xid_to', 'hash'])
        .orderBy('block_no', 'desc')
        .limit(1)
        .executeTakeFirst();
      const xidFrom = last?.xid_to ?? '0';
      const rows = await rowsBetween(tx, xidFrom, xidTo);
      if (rows.length === 0) return { sealed: 0, blockNo: null };
      const prevHash = last?.hash ?? GENESIS;
      const blockNo = Number(last?.block_no ?? 0) + 1;
      await tx
        .insertInto('audit_blocks')
        .values({
          block_no: String(blockNo),
          xid_from: xidFrom,
          xid_to: xidTo,
          entry_count: rows.length,
          first_seq: rows[0]!.seq,
          last_seq: rows.at(-1)!.seq,
          prev_hash: prevHash,
          hash: blockHash(prevHash, rows),
        })
        .execute();
      return { sealed: rows.length, blockNo };
    });
}

export interface ChainVerification {
  ok: boolean;
  blocksChecked: number;
  entriesChecked: number;
  firstBrokenBlock: number | null;
  unsealedEntries: number;
}

/** Recomputes every block from the entries and names the first block whose entries or links do not match. */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  const blocks = await db
    .selectFrom('audit_blocks')
    .select(['block_no', 'xid_from', 'xid_to', 'entry_count', 'prev_hash', 'hash'])
    .orderBy('block_no')
    .execute();
  let prevHash = GENESIS;
  let prevXid = '0';
  let entries = 0;
  let checked = 0;
  for (const block of blocks) {
    checked += 1;
    const rows = await rowsBetween(db, block.xid_from, block.xid_to);
    entries += rows.length;
    const broken =
      block.prev_hash !== prevHash ||
      block.xid_from !== prevXid ||
      rows.length !== block.entry_count ||
      blockHash(block.prev_hash, rows) !== block.hash;
    if (broken) {
      return {
        ok: false,
        blocksChecked: checked,
        entriesChecked: entries,
        firstBrokenBlock: Number(block.block_no),
        unsealedEntries: 0,
      };
    }
    prevHash = block.hash;
    prevXid = block.xid_to;
  }
  const unsealed = await sql<{ n: string }>`
    SELECT count(*)::text AS n FROM audit_events WHERE xid >= ${prevXid}::xid8`.execute(db);
  return {
    ok: true,
    blocksChecked: checked,
    entriesChecked: entries,
    firstBrokenBlock: null,
    unsealedEntries: Number(unsealed.rows[0]?.n ?? 0),
  };
}
