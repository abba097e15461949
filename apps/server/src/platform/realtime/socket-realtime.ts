import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import type { RealtimeEvent, RealtimeEventType } from '@careloop/contracts';
import type { Logger } from '../logging.ts';
import type { Realtime, RealtimeNamespace, RealtimeTarget } from './realtime.ts';
import { openClusterLink, type ClusterLink } from './socket-adapter.ts';
import { accountRoom, orgRoom, requireActor, type SessionResolver, type SocketData } from './socket-auth.ts';

const NAMESPACES: readonly RealtimeNamespace[] = ['console', 'patient'];

type ServerEvents = Record<RealtimeEventType, (event: RealtimeEvent) => void>;
type RealtimeServer = Server<Record<string, never>, ServerEvents, Record<string, never>, SocketData>;

export interface SocketRealtimeOptions {
  /** Redis pub/sub between processes when set; PostgreSQL LISTEN/NOTIFY on `databaseUrl` otherwise. */
  readonly redisUrl: string | undefined;
  readonly databaseUrl: string;
  /** Origins besides the request's own host that may open a socket (the public URL behind a proxy). */
  readonly allowedOrigins?: readonly string[];
  readonly log: Logger;
}

/**
 * Socket.IO for the apps: /console for staff, /patient for patients, each connection in the rooms of its
 * account (and, for staff, its organization). Events published in any process reach sockets in every process
 * through the cluster adapter, so a worker with no HTTP server publishes too.
 */
export class SocketRealtime implements Realtime {
  private readonly io: RealtimeServer;
  private readonly link: ClusterLink;
  private attached = false;
  private closed = false;

  constructor(options: SocketRealtimeOptions) {
    this.link = openClusterLink(options);
    const allowed = new Set((options.allowedOrigins ?? []).map((o) => new URL(o).origin));
    this.io = new Server({
      path: '/socket.io',
      serveClient: false,
      adapter: this.link.adapter,
      // The apps send nothing but the handshake and pings.
      maxHttpBufferSize: 16_384,
      allowRequest: (req, answer) => answer(null, sameOriginOrAllowed(req, allowed)),
    });
    // The default namespace carries nothing: refuse it, so only the apps' namespaces take connections.
    this.io.of('/').use((_socket, next) => next(new Error('FORBIDDEN')));
    // Created now, so that even a process that never serves sockets has the namespaces' adapters for publishing.
    for (const name of NAMESPACES) this.namespace(name);
  }

  /** Which adapter carries events between processes. */
  get adapterKind(): ClusterLink['kind'] {
    return this.link.kind;
  }

  /** Serves sockets on the HTTP server at /socket.io; connections are checked against `sessions`. */
  attach(httpServer: HttpServer, sessions: SessionResolver): void {
    if (this.attached) throw new Error('realtime is already attached to an HTTP server');
    this.attached = true;
    for (const name of NAMESPACES) {
      const nsp = this.namespace(name);
      nsp.use(requireActor(name, sessions));
      nsp.on('connection', (socket) => void socket.join(socket.data.rooms));
    }
    this.io.attach(httpServer);
  }

  publish(namespace: RealtimeNamespace, target: RealtimeTarget, event: RealtimeEvent): void {
    const rooms = (target.accountIds ?? []).map(accountRoom);
    if (target.orgId) rooms.push(orgRoom(target.orgId));
    if (rooms.length === 0 || this.closed) return;
    this.namespace(namespace).to(rooms).emit(event.type, event);
  }

  /**
   * Drops this process's connections (clients reconnect to another process). Call before the HTTP server closes:
   * upgraded WebSocket connections would otherwise keep it open.
   */
  disconnectLocal(): void {
    for (const name of NAMESPACES) this.namespace(name).local.disconnectSockets(true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.attached) {
      // Closes the engine and every namespace's adapter (the HTTP server is already closed by then).
      await this.io.close();
    } else {
      const names = ['/', ...NAMESPACES.map((n) => `/${n}`)];
      await Promise.allSettled(names.map(async (n) => this.io.of(n).adapter.close()));
    }
    await this.link.close();
  }

  private namespace(
    name: RealtimeNamespace,
  ): Namespace<Record<string, never>, ServerEvents, Record<string, never>, SocketData> {
    return this.io.of(`/${name}`);
  }
}

/**
 * Browsers send Origin on WebSocket handshakes and cross-origin requests, and CORS does not guard WebSockets: a
 * page on another origin must not open a socket with the user's cookie. Clients that send no Origin (not
 * browsers) still need a session cookie.
 */
function sameOriginOrAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
