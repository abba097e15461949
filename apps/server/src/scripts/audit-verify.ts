import { loadConfig } from '../config.ts';
import { openRuntime } from '../platform/runtime.ts';
import { verifyAuditChain } from '../platform/audit/audit-chain.ts';
import pino from 'pino';

/** `npm run audit:verify`: recomputes the audit hash chain and names the first broken block (exit 1 if any). */
async function main() {
  const config = loadConfig();
  const runtime = await openRuntime(config, pino({ level: 'warn' }), { jobs: false });
  try {
    const result = await verifyAuditChain(runtime.deps.db);
    if (result.ok) {
      process.stdout.write(
        `Audit chain intact: ${result.blocksChecked} blocks, ${result.entriesChecked} entries verified, ` +
          `${result.unsealedEntries} entries not sealed yet.\n`,
      );
    } else {
      process.stdout.write(
        `Audit chain BROKEN at block ${result.firstBrokenBlock} (after ${result.entriesChecked} entries).\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`audit:verify failed: ${(error as Error).message}\n`);
  process.exit(2);
});
