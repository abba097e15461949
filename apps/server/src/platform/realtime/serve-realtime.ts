import type { FastifyInstance } from 'fastify';
import type { SessionResolver } from './socket-auth.ts';
import type { SocketRealtime } from './socket-realtime.ts';

/**
 * Serves the apps' sockets on the app's HTTP server once it is ready, and drops them when it closes (open
 * WebSockets would keep the server from closing). Call before `listen` or `ready`. The realtime itself is
 * closed with the runtime, after the app: jobs may still publish while requests drain.
 */
export function serveRealtime(
  app: FastifyInstance,
  realtime: SocketRealtime,
  sessions: SessionResolver,
): void {
  app.addHook('onReady', async () => {
    realtime.attach(app.server, sessions);
  });
  app.addHook('preClose', async () => {
    realtime.disconnectLocal();
  });
}
