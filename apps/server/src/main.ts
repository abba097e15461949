import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { loadConfig, ConfigError } from './config.ts';
import { buildApp } from './app.ts';
import { openRuntime } from './platform/runtime.ts';
import { loggerOptions } from './platform/logging.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { serveRealtime } from './platform/realtime/serve-realtime.ts';
import { startDeviceMqtt } from './modules/monitoring/index.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino(loggerOptions(config.logLevel));
  const runtime = await openRuntime(config, log);
  if (config.demoData) {
    const demo = await seedDemoIfEmpty(runtime.deps, log);
    if (demo) printDemoAccounts(config.publicUrl, demo.accounts, demo.created);
  }
  const app = await buildApp(runtime.deps, { serveApps: true });
  // Sockets are served where HTTP is; a worker publishes through the adapter without serving any.
  if (config.role !== 'worker') serveRealtime(app, runtime.realtime, runtime.deps.sessions);

  // Device readings over MQTT are taken in where the API runs.
  const mqtt = config.role !== 'worker' ? await startDeviceMqtt(runtime.deps, log) : null;

  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) log.error({ err: { message: err.message, stack: err.stack } }, 'shutting down after error');
    else log.info({ signal }, 'shutting down');
    await mqtt?.close();
    await app.close();
    await runtime.close();
  });

  if (config.role !== 'worker') {
    await app.listen({ host: config.host, port: config.port });
    process.stdout.write(
      `\nCareLoop is running: patient app ${config.publicUrl}/  console ${config.publicUrl}/console/\n`,
    );
  } else {
    log.info('worker role: running background jobs only');
  }
}

function printDemoAccounts(
  url: string,
  accounts: { role: string; login: string; password: string }[],
  created: boolean,
) {
  const lines = accounts.map((a) => `  ${a.role.padEnd(22)} ${a.login.padEnd(32)} ${a.password}`);
  process.stdout.write(
    `\n${created ? 'Demo data created' : 'Demo data present'} (示范医院 / Demo Hospital). Demo accounts (${url}):\n${lines.join('\n')}\n` +
      '  Demo staff may skip two-step verification (demo mode only; never in production).\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`CareLoop failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
