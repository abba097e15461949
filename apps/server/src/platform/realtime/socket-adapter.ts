import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import pg from 'pg';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Logger } from '../logging.ts';

/** How Socket.IO servers in different processes reach each other, and how to let go of it on shutdown. */
export interface ClusterLink {
  readonly kind: 'redis' | 'postgres';
  readonly adapter: NonNullable<ServerOptions['adapter']>;
  /** Called after the Socket.IO server has closed its namespaces' adapters. */
  close(): Promise<void>;
}

export interface ClusterLinkOptions {
  /** When set, Redis pub/sub carries events; otherwise PostgreSQL LISTEN/NOTIFY on `databaseUrl`. */
  readonly redisUrl: string | undefined;
  readonly databaseUrl: string;
  readonly log: Logger;
}

export function openClusterLink(options: ClusterLinkOptions): ClusterLink {
  return options.redisUrl ? redisLink(options.redisUrl, options.log) : postgresLink(options);
}

function redisLink(url: string, log: Logger): ClusterLink {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  // Reported once per outage: the client retries on its own, with backoff, for as long as it takes.
  let down = false;
  for (const client of [pub, sub]) {
    client.on('error', (err: Error) => {
      if (!down) log.warn({ err: { message: err.message } }, 'realtime: Redis unreachable, retrying');
      down = true;
    });
    client.on('ready', () => {
      if (down) log.info('realtime: Redis reachable again');
      down = false;
    });
  }
  // connect() opens the clients at once and queues commands until they are ready, so the adapter can subscribe now.
  const connected = Promise.all([pub.connect(), sub.connect()]);
  connected.catch(() => undefined);
  return {
    kind: 'redis',
    adapter: createRedisAdapter(pub, sub, { key: 'careloop.socket.io' }),
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}

function postgresLink(options: ClusterLinkOptions): ClusterLink {
  // A pool of its own: the adapter holds one connection for LISTEN for as long as it runs, and must not take it
  // from the pool that serves requests.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 3,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'careloop-realtime',
  });
  let closing = false;
  const report = (err: Error) => {
    if (!closing) options.log.warn({ err: { message: err.message } }, 'realtime: PostgreSQL adapter error');
  };
  pool.on('error', report);
  // pg-pool listens for errors only on idle clients; the LISTEN client is checked out for good, and an error on it
  // (a restarted server, a terminated backend) with no listener would end the process. The adapter reconnects.
  pool.on('connect', (client) => client.on('error', report));
  return {
    kind: 'postgres',
    adapter: createPostgresAdapter(pool, {
      channelPrefix: 'careloop.socket.io',
      tableName: 'socket_io_attachments',
      errorHandler: report,
    }),
    async close() {
      closing = true;
      await pool.end();
    },
  };
}
