import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  addPatient,
  type TestApp,
} from '../../../test/harness.ts';
import { sealAuditBlock, verifyAuditChain } from './audit-chain.ts';
import { JobRunner } from '../jobs/jobs.ts';
import { auditSealJob } from './audit-seal.job.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ AUDIT_SEAL_INTERVAL_SECONDS: '0.5' });
});
afterAll(() => t.close());

/**
 * The seal horizon is the oldest transaction still running anywhere in the cluster (other test files run beside
 * this one), so a single seal may cover less than everything: seal until nothing is left, as the job does.
 */
async function sealAll(): Promise<{ sealed: number; blocks: number[] }> {
  let sealed = 0;
  const blocks: number[] = [];
  for (let i = 0; i < 100; i++) {
    const r = await sealAuditBlock(t.deps.db);
    sealed += r.sealed;
    if (r.blockNo) blocks.push(r.blockNo);
    if ((await verifyAuditChain(t.deps.db)).unsealedEntries === 0) return { sealed, blocks };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('audit entries were never sealed');
}

async function writeSomeAudit() {
  const orgId = await createOrg(t);
  const doctor = await signIn(t, await createStaff(t, orgId, ['doctor']));
  const p = await addPatient(t, doctor);
  await doctor.get(`/api/v1/patients/${p.id}`);
  return p.id;
}

describe('audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit entries', async () => {
    await writeSomeAudit();
    await expect(sql`UPDATE audit_events SET action = 'x'`.execute(t.deps.db)).rejects.toThrow(/insert-only/);
    await expect(sql`DELETE FROM audit_events`.execute(t.deps.db)).rejects.toThrow(/insert-only/);
    await expect(sql`TRUNCATE audit_events`.execute(t.deps.db)).rejects.toThrow(/insert-only/);
  });

  it('seals entries into a hash chain that verifies, and names the first tampered block', async () => {
    await writeSomeAudit();
    const first = await sealAll();
    expect(first.sealed).toBeGreaterThan(0);
    const patientId = await writeSomeAudit();
    const second = await sealAll();
    expect(second.blocks[0]).toBe(first.blocks.at(-1)! + 1);
    expect(await sealAuditBlock(t.deps.db)).toEqual({ sealed: 0, blockNo: null });

    const ok = await verifyAuditChain(t.deps.db);
    expect(ok).toMatchObject({
      ok: true,
      firstBrokenBlock: null,
      blocksChecked: first.blocks.length + second.blocks.length,
    });
    expect(ok.entriesChecked).toBe(first.sealed + second.sealed);
    const tamperedBlock = await t.deps.db
      .selectFrom('audit_blocks')
      .select('block_no')
      .where(sql<boolean>`xid_to > (SELECT min(xid) FROM audit_events WHERE patient_id = ${patientId})`)
      .orderBy('block_no')
      .limit(1)
      .executeTakeFirstOrThrow();

    // Someone with superuser rights switches the guard off and rewrites history: the chain notices.
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_insert_only`.execute(t.deps.db);
    await sql`UPDATE audit_events SET actor_account_id = NULL WHERE patient_id = ${patientId}`.execute(
      t.deps.db,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_insert_only`.execute(t.deps.db);
    const broken = await verifyAuditChain(t.deps.db);
    expect(broken).toMatchObject({ ok: false, firstBrokenBlock: Number(tamperedBlock.block_no) });
  });

  it('is sealed by the background job within seconds, without writers waiting', async () => {
    const runner = new JobRunner(t.databaseUrl, t.app.log);
    runner.register(auditSealJob(t.deps));
    await runner.start({ work: true });
    try {
      const before = await t.deps.db
        .selectFrom('audit_blocks')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      await writeSomeAudit();
      const deadline = Date.now() + 15_000;
      let unsealed = -1;
      while (Date.now() < deadline) {
        const v = await t.deps.db
          .selectFrom('audit_blocks')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow();
        const rest = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events
          WHERE xid >= coalesce((SELECT max(xid_to::text::bigint) FROM audit_blocks), 0)::text::xid8`.execute(
          t.deps.db,
        );
        unsealed = rest.rows[0]!.n;
        if (v.n > before.n && unsealed === 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(unsealed).toBe(0);
    } finally {
      await runner.stop();
    }
  }, 30_000);

  it('lets the org admin verify the chain through the API', async () => {
    const orgId = await createOrg(t);
    const admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
    const res = await admin.post('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('firstBrokenBlock');
  });
});
